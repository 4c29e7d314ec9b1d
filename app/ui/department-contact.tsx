/** How to reach the department, as the statements give it (from the department settings in the environment). */
import type { DepartmentContact } from "~/platform/department.server";

export type { DepartmentContact };

export function DepartmentContactList({ contact }: { contact: DepartmentContact }) {
  return (
    <dl>
      <dt>单位</dt>
      <dd>{contact.name}</dd>
      <dt>电话</dt>
      <dd>
        {contact.phone}（{contact.hours}）
      </dd>
      <dt>电子邮件</dt>
      <dd>
        <a href={`mailto:${contact.email}`}>{contact.email}</a>
      </dd>
      <dt>信函</dt>
      <dd>{contact.address}</dd>
    </dl>
  );
}
