import type { UserRole } from "@/lib/roles";

/** The dashboard's sections, in order, and the role each needs. */
export const navItems: Array<{ href: string; label: string; role: UserRole }> = [
  { href: "/", label: "Overview", role: "agent" },
  { href: "/needs-attention", label: "Needs attention", role: "agent" },
  { href: "/orders", label: "Orders", role: "agent" },
  { href: "/sandbox", label: "Sandbox inbox", role: "agent" },
  { href: "/templates", label: "Templates", role: "manager" },
  { href: "/channels", label: "Channels", role: "admin" },
  { href: "/sources", label: "Sources", role: "admin" },
  { href: "/flows", label: "Flows", role: "manager" },
  { href: "/inbound-events", label: "Inbound events", role: "admin" },
  { href: "/audit-log", label: "Audit log", role: "admin" },
  { href: "/users", label: "Users", role: "admin" },
  { href: "/settings", label: "Settings", role: "admin" },
];
