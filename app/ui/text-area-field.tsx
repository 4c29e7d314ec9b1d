import { Field } from "./field";

export function TextAreaField({
  id,
  label,
  name,
  error,
  hint,
  ...textarea
}: { label: string; name: string; error?: string; hint?: string } & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field id={id} label={label} hint={hint} error={error} control={(aria) => <textarea {...aria} name={name} {...textarea} />} />;
}
