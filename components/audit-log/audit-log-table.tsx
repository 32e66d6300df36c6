"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Card } from "../ui/card";
import { SelectField, TextField } from "../ui/field";
import { Pagination } from "../ui/pagination";
import { Table, Td, Th } from "../ui/table";

function Details({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return <span className="text-gray-400">—</span>;
  return (
    <dl className="space-y-0.5 text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="flex gap-1">
          <dt className="text-gray-500">{key}:</dt>
          <dd className="font-mono break-all text-gray-800">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditLogTable() {
  const trpc = useTRPC();
  const [actor, setActor] = useState("");
  const [action, setAction] = useState("");
  const [page, setPage] = useState(1);
  const deferredActor = useDeferredValue(actor);
  const actions = useQuery(trpc.auditLog.actions.queryOptions());
  const list = useQuery(trpc.auditLog.list.queryOptions({ actor: deferredActor || undefined, action: action || undefined, page, pageSize: 25 }));
  const filtered = Boolean(deferredActor || action);

  return (
    <Card>
      <div className="grid gap-3 border-b border-gray-200 p-4 sm:grid-cols-2 lg:w-2/3">
        <TextField
          label="Actor"
          type="search"
          placeholder="Email, or “system”"
          value={actor}
          onChange={(event) => {
            setActor(event.target.value);
            setPage(1);
          }}
        />
        <SelectField
          label="Action"
          value={action}
          onChange={(event) => {
            setAction(event.target.value);
            setPage(1);
          }}
          options={[{ value: "", label: "All actions" }, ...(actions.data ?? []).map((value) => ({ value, label: value }))]}
        />
      </div>
      {list.isError ? (
        <p className="p-4 text-sm text-red-600">{errorDetails(list.error).message}</p>
      ) : list.data && list.data.items.length === 0 ? (
        <p className="p-6 text-center text-sm text-gray-600">
          {filtered ? "No entries match these filters. Clear them to see everything." : "Nothing has been recorded yet. Sign-ins and every change to users and settings appear here."}
        </p>
      ) : (
        <Table label="Audit log">
          <thead className="bg-gray-50">
            <tr>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>What</Th>
              <Th>Details</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {list.data?.items.map((entry) => (
              <tr key={entry.id}>
                <Td className="whitespace-nowrap">
                  <Time value={entry.at} />
                </Td>
                <Td>{entry.actorEmail ?? <span className="text-gray-500">System</span>}</Td>
                <Td className="font-mono text-xs">{entry.action}</Td>
                <Td>
                  <Details details={entry.details} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {list.data ? (
        <Pagination page={list.data.page} pageCount={list.data.pageCount} total={list.data.total} onPage={setPage} noun="entries" />
      ) : (
        <p className="p-4 text-sm text-gray-500">Loading…</p>
      )}
    </Card>
  );
}
