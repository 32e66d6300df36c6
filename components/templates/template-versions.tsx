"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TemplateVersionSummary } from "@/server/templates/list-template-versions";
import { Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Badge, Card } from "../ui/card";
import { Pagination } from "../ui/pagination";
import { VersionComparison } from "./version-comparison";

/**
 * Every saved version with its author and time, the live one marked: publish one, roll back to an older
 * one, open one in the editor, or tick two to compare them side by side.
 */
export function TemplateVersions({ templateId, onOpen }: { templateId: string; onOpen: (version: TemplateVersionSummary) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [compare, setCompare] = useState<Array<{ id: string; version: number }>>([]);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const versions = useQuery(trpc.templates.versions.queryOptions({ templateId, page, pageSize: 10 }));
  const publish = useMutation(trpc.templates.publish.mutationOptions());
  const liveNumber = versions.data?.items.find((version) => version.live)?.version ?? null;

  async function makeLive(version: TemplateVersionSummary) {
    setMessage(null);
    try {
      const result = await publish.mutateAsync({ versionId: version.id });
      setMessage({ tone: "ok", text: result.rolledBack ? `Rolled back to v${result.version}: it is live now.` : `v${result.version} is live now.` });
      await queryClient.invalidateQueries({ queryKey: trpc.templates.pathKey() });
    } catch (error) {
      setMessage({ tone: "error", text: errorDetails(error).message });
    }
  }
  // At most two ticked: ticking a third replaces the older tick.
  const toggle = ({ id, version }: TemplateVersionSummary) =>
    setCompare((current) => (current.some((other) => other.id === id) ? current.filter((other) => other.id !== id) : [...current.slice(-1), { id, version }]));
  const [older, newer] = [...compare].sort((a, b) => a.version - b.version);

  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold text-gray-900">Versions</h2>
      <p className="mt-1 text-sm text-gray-600">Every save is a version. Exactly one is live: what customers get. Tick two to compare them.</p>
      {message ? (
        <p role={message.tone === "ok" ? "status" : "alert"} className={message.tone === "ok" ? "mt-3 text-sm text-green-700" : "mt-3 text-sm text-red-700"}>
          {message.text}
        </p>
      ) : null}
      {versions.isError ? <p className="mt-3 text-sm text-red-600">{errorDetails(versions.error).message}</p> : null}
      {versions.data ? (
        <>
          <ul className="mt-3 divide-y divide-gray-100" aria-label="Versions">
            {versions.data.items.map((version) => (
              <li key={version.id} className="flex flex-wrap items-center gap-3 py-2 text-sm" data-testid={`template-version-${version.version}`}>
                <input type="checkbox" checked={compare.some((other) => other.id === version.id)} onChange={() => toggle(version)} aria-label={`Compare v${version.version}`} className="size-4 rounded border-gray-300" />
                <span className="font-medium text-gray-900">{`v${version.version}`}</span>
                {version.live ? <Badge tone="green">Live</Badge> : null}
                <span className="text-gray-600">{version.author ? (version.author.name ?? version.author.email) : "Orderbell (shipped default)"}</span>
                <span className="text-gray-500">
                  <Time value={version.createdAt} />
                </span>
                <span className="ml-auto flex gap-2">
                  <Button size="sm" variant="ghost" onClick={() => onOpen(version)}>
                    Open in editor
                  </Button>
                  {version.live ? null : (
                    <Button size="sm" variant="secondary" busy={publish.isPending && publish.variables?.versionId === version.id} onClick={() => makeLive(version)}>
                      {liveNumber !== null && version.version < liveNumber ? `Roll back to v${version.version}` : `Publish v${version.version}`}
                    </Button>
                  )}
                </span>
              </li>
            ))}
          </ul>
          <Pagination page={versions.data.page} pageCount={versions.data.pageCount} total={versions.data.total} onPage={setPage} noun="versions" />
        </>
      ) : (
        <p className="mt-3 text-sm text-gray-500">Loading versions…</p>
      )}
      {older && newer ? (
        <div className="mt-4">
          <VersionComparison fromVersionId={older.id} toVersionId={newer.id} />
        </div>
      ) : null}
    </Card>
  );
}
