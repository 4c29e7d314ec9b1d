import { ROLES } from "~db/vocabulary";
import { ROLE_LABELS } from "~/features/accounts";
import { SelectField, TextField } from "./field";

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Name, email, role and division: shared by the new-account and edit-account forms. */
export function UserProfileFields({
  values,
  errors,
  divisions,
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  divisions: Array<{ id: number; name: string }>;
}) {
  return (
    <>
      <TextField label="姓名" name="displayName" required maxLength={60} defaultValue={values.displayName} error={errors.displayName} />
      <TextField label="邮箱（选填，用于接收审核请求等通知）" name="email" type="email" maxLength={254} defaultValue={values.email} error={errors.email} />
      <SelectField label="角色" name="role" options={ROLE_OPTIONS} defaultValue={values.role ?? "drafter"} error={errors.role} />
      <SelectField
        label="所属处室"
        name="divisionId"
        options={[{ value: "", label: "（无）" }, ...divisions.map((d) => ({ value: String(d.id), label: d.name }))]}
        defaultValue={values.divisionId ?? ""}
        error={errors.divisionId}
      />
    </>
  );
}
