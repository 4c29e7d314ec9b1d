/** How the department can be reached, as the public pages and letters print it. */
export type DepartmentContact = { name: string; address: string; phone: string; hours: string; email: string };
import { env } from "./env.server";

export function departmentContact(): DepartmentContact {
  const e = env();
  return { name: e.DEPARTMENT_NAME, address: e.DEPARTMENT_ADDRESS, phone: e.DEPARTMENT_PHONE, hours: e.DEPARTMENT_HOURS, email: e.DEPARTMENT_EMAIL };
}
