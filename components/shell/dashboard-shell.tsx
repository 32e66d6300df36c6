"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { type ReactNode, useState } from "react";
import { type UserRole, roleAllows, roleLabels } from "@/lib/roles";
import { useTRPC } from "../trpc/trpc-provider";
import { cn } from "../ui/cn";
import { navItems } from "./nav-items";

type ShellUser = { email: string; name: string; role: UserRole };

/** How many items wait in the Needs attention queue, refreshed every 30 seconds. */
function AttentionCount() {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.orders.attentionCount.queryOptions(), refetchInterval: 30_000 });
  if (!count.data?.count) return null;
  const text = count.data.capped ? `${count.data.count}+` : String(count.data.count);
  return (
    <span className="ml-auto rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800" data-testid="attention-count">
      {text}
      <span className="sr-only"> waiting</span>
    </span>
  );
}

function NavLinks({ role, onNavigate }: { role: UserRole; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-0.5">
      {navItems
        .filter((item) => roleAllows(role, item.role))
        .map((item) => {
          const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center rounded-md px-3 py-2 text-sm font-medium",
                  active ? "bg-indigo-50 text-indigo-700" : "text-gray-700 hover:bg-gray-100 hover:text-gray-900",
                )}
              >
                {item.label}
                {item.href === "/needs-attention" ? <AttentionCount /> : null}
              </Link>
            </li>
          );
        })}
    </ul>
  );
}

function UserBox({ user }: { user: ShellUser }) {
  return (
    <div className="border-t border-gray-200 p-4 text-sm">
      <p className="truncate font-medium text-gray-900" title={user.email}>
        {user.name || user.email}
      </p>
      <p className="truncate text-xs text-gray-500">
        {user.email} · {roleLabels[user.role]}
      </p>
      <button
        type="button"
        onClick={() => signOut({ callbackUrl: "/sign-in" })}
        className="mt-3 rounded-md px-2 py-1 text-sm font-medium text-gray-700 ring-1 ring-gray-300 hover:bg-gray-50"
      >
        Sign out
      </button>
    </div>
  );
}

export function DashboardShell({ user, storeName, children }: { user: ShellUser; storeName: string; children: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const brand = (
    <Link href="/" className="flex items-center gap-2 px-4 py-4">
      <span aria-hidden className="grid size-8 place-items-center rounded-md bg-indigo-600 text-sm font-bold text-white">
        O
      </span>
      <span>
        <span className="block text-sm font-semibold text-gray-900">Orderbell</span>
        <span className="block truncate text-xs text-gray-500">{storeName}</span>
      </span>
    </Link>
  );
  return (
    <div className="min-h-screen bg-gray-50">
      {/* Wide screens: a fixed sidebar. */}
      <aside className="fixed inset-y-0 hidden w-60 flex-col border-r border-gray-200 bg-white md:flex">
        {brand}
        <nav className="flex-1 overflow-y-auto px-2" aria-label="Main">
          <NavLinks role={user.role} />
        </nav>
        <UserBox user={user} />
      </aside>
      {/* Small screens: a top bar with a menu that opens over the page. */}
      <div className="flex items-center justify-between border-b border-gray-200 bg-white md:hidden">
        {brand}
        <button
          type="button"
          className="mr-3 rounded-md px-3 py-2 text-sm font-medium text-gray-700 ring-1 ring-gray-300"
          aria-expanded={menuOpen}
          aria-controls="mobile-nav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
      </div>
      {menuOpen ? (
        <div id="mobile-nav" className="border-b border-gray-200 bg-white md:hidden">
          <nav className="px-2 py-2" aria-label="Main">
            <NavLinks role={user.role} onNavigate={() => setMenuOpen(false)} />
          </nav>
          <UserBox user={user} />
        </div>
      ) : null}
      <main className="px-4 py-6 sm:px-6 md:ml-60 lg:px-8">{children}</main>
    </div>
  );
}
