import type { DepartmentContact } from "~/components/department-contact";
import { env } from "./env.server";

export function departmentContact(): DepartmentContact {
  const e = env();
  return { name: e.DEPARTMENT_NAME, address: e.DEPARTMENT_ADDRESS, phone: e.DEPARTMENT_PHONE, hours: e.DEPARTMENT_HOURS, email: e.DEPARTMENT_EMAIL };
}
