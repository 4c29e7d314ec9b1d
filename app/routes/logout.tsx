import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroyUserSession } from "~/platform/session.server";

// Logging out is a POST (a form button), so that no link or prefetch can log anyone out.
export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await destroyUserSession(request) } });
}

export function loader() {
  return redirect("/");
}
