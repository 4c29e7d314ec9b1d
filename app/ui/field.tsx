import { useId } from "react";

type InputProps = React.InputHTMLAttributes<HTMLInputElement>;

/**
 * The frame every field shares: label, hint, the control, and an error that is announced and tied
 * to the control. `control` receives the id and the aria attributes to put on the control.
 */
export function Field({
  id: givenId,
  label,
  hint,
  error,
  control,
}: {
  /** A stable id, for links to the field (an error summary); a generated one otherwise. */
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  control: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined })}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input whose error is announced and tied to it (aria-invalid, aria-describedby). */
export function TextField({ id, label, name, error, hint, ...input }: { label: string; name: string; error?: string; hint?: string } & InputProps) {
  return <Field id={id} label={label} hint={hint} error={error} control={(aria) => <input {...aria} name={name} type="text" {...input} />} />;
}

export function SelectField({
  id,
  label,
  name,
  error,
  options,
  ...select
}: {
  label: string;
  name: string;
  error?: string;
  options: Array<{ value: string; label: string }>;
} & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field
      id={id}
      label={label}
      error={error}
      control={(aria) => (
        <select {...aria} name={name} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="alert error" role="alert">
      <p>{message}</p>
    </div>
  );
}
