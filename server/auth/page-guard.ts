import { forbidden, redirect } from "next/navigation";
import { type UserRole, roleAllows } from "@/lib/roles";
import { type SessionUser, getSessionUser } from "./session";

/**
 * For dashboard pages: no session → the sign-in page; a role too low for the page → 403. Every page calls
 * this itself, because a layout is not re-run on client-side navigation and so cannot be the only check.
 */
export async function requirePageUser(required: UserRole = "agent"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (!roleAllows(user.role, required)) forbidden();
  return user;
}
