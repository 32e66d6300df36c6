"use client";

import Link from "next/link";
import type { Overview } from "@/server/overview/get-overview";
import { Time } from "../shell/store-display";
import { Card, EmptyState } from "../ui/card";

export function OverviewPanel({ overview, isAdmin }: { overview: Overview; isAdmin: boolean }) {
  return (
    <div className="space-y-6">
      <div className="grid gap-4 md:grid-cols-2">
        <Card className="p-5">
          <h2 className="text-sm font-semibold text-gray-900">Store</h2>
          <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
            <dt className="text-gray-500">Name</dt>
            <dd>{overview.storeName}</dd>
            <dt className="text-gray-500">Time zone</dt>
            <dd>{overview.timezone}</dd>
            <dt className="text-gray-500">Currency</dt>
            <dd>{overview.currency}</dd>
            <dt className="text-gray-500">Locale</dt>
            <dd>{overview.defaultLocale}</dd>
          </dl>
          {isAdmin ? (
            <Link href="/settings" className="mt-4 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Edit settings
            </Link>
          ) : null}
        </Card>
        <Card className="p-5">
          <h2 className="text-sm font-semibold text-gray-900">Team</h2>
          <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
            <dt className="text-gray-500">Admins</dt>
            <dd>{overview.team.admin}</dd>
            <dt className="text-gray-500">Managers</dt>
            <dd>{overview.team.manager}</dd>
            <dt className="text-gray-500">Support agents</dt>
            <dd>{overview.team.agent}</dd>
          </dl>
          {isAdmin ? (
            <Link href="/users" className="mt-4 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Manage users
            </Link>
          ) : null}
        </Card>
      </div>
      <EmptyState title="No orders yet">
        Confirmations start flowing once a source sends paid orders in. Order intake, channels and dispatch are the next
        pieces of Orderbell being built; this page will then show orders, delivery health and what needs attention.
      </EmptyState>
      {isAdmin && overview.recentActivity.length > 0 ? (
        <Card className="p-5">
          <h2 className="text-sm font-semibold text-gray-900">Recent activity</h2>
          <ul className="mt-3 divide-y divide-gray-100 text-sm">
            {overview.recentActivity.map((entry) => (
              <li key={entry.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{entry.actorEmail ?? "System"}</span> · {entry.action}
                </span>
                <span className="text-gray-500">
                  <Time value={entry.at} />
                </span>
              </li>
            ))}
          </ul>
          <Link href="/audit-log" className="mt-2 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Open the audit log
          </Link>
        </Card>
      ) : null}
    </div>
  );
}
