"use client";

import Link from "next/link";
import { describeActivity } from "@/lib/activity-text";
import type { Overview } from "@/server/overview/get-overview";
import { SendSampleOrderButton } from "../sandbox/send-sample-order-button";
import { Time } from "../shell/store-display";
import { Card, EmptyState } from "../ui/card";

export function OverviewPanel({ overview, isAdmin, canSendSample }: { overview: Overview; isAdmin: boolean; canSendSample: boolean }) {
  return (
    <div className="space-y-6">
      {canSendSample ? (
        <Card className="p-5">
          <h2 className="text-sm font-semibold text-gray-900">Try it</h2>
          <p className="mt-1 mb-3 text-sm text-gray-600">
            Send a signed sample order through a real trigger URL: it is verified, stored, matched to your flows and its
            confirmations go out — to the sandbox inbox until you connect real channels.
          </p>
          <SendSampleOrderButton />
        </Card>
      ) : null}
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
      {overview.hasOrders ? null : (
        <EmptyState title="No orders yet">
          {overview.sources === 0
            ? "Confirmations start once a source sends paid orders in. An admin adds a source (Shopify, WooCommerce, Stripe, Square or a POS) on the Sources page and pastes its trigger URL into the platform."
            : "Your sources are set up; orders appear here as soon as the first paid order reaches a trigger URL."}
        </EmptyState>
      )}
      {isAdmin && overview.recentActivity.length > 0 ? (
        <Card className="p-5">
          <h2 className="text-sm font-semibold text-gray-900">Recent activity</h2>
          <ul className="mt-3 divide-y divide-gray-100 text-sm">
            {overview.recentActivity.map((entry) => (
              <li key={entry.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{entry.actorEmail ?? "Orderbell"}</span> {describeActivity(entry.action, entry.details)}
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
