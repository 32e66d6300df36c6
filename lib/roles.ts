/** Staff roles, most powerful first. Pure data: shared by the schema, the server and the UI. */
export const userRoles = ["admin", "manager", "agent"] as const;
export type UserRole = (typeof userRoles)[number];

export const roleLabels: Record<UserRole, string> = {
  admin: "Admin",
  manager: "Manager",
  agent: "Support agent",
};

export const roleDescriptions: Record<UserRole, string> = {
  admin: "Everything, including users, channels, credentials and sources.",
  manager: "Templates, flows and orders.",
  agent: "Orders: view, resend, edit contact details, open tickets.",
};

/** Whether `role` may do what `required` may. */
export function roleAllows(role: UserRole, required: UserRole): boolean {
  return userRoles.indexOf(role) <= userRoles.indexOf(required);
}
