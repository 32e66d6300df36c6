"use client";

import { useQuery } from "@tanstack/react-query";
import type { ComparedLine } from "@/server/templates/compare-template-versions";
import { Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { cn } from "../ui/cn";

function Cell({ line }: { line: ComparedLine | null }) {
  if (!line) return <td className="w-1/2 bg-gray-50 px-2 py-0.5" />;
  const tone = line.change === "removed" ? "bg-red-50 text-red-900" : line.change === "added" ? "bg-green-50 text-green-900" : "text-gray-800";
  const mark = line.change === "removed" ? "− " : line.change === "added" ? "+ " : "  ";
  return (
    <td className={cn("w-1/2 px-2 py-0.5 align-top font-mono text-xs whitespace-pre-wrap break-words", tone)}>
      <span aria-hidden className="select-none text-gray-400">
        {mark}
      </span>
      <span className="sr-only">{line.change === "same" ? "" : `${line.change}: `}</span>
      {line.text}
    </td>
  );
}

/** Two versions side by side, part by part: removed lines on the left in red, added on the right in green. */
export function VersionComparison({ fromVersionId, toVersionId }: { fromVersionId: string; toVersionId: string }) {
  const trpc = useTRPC();
  const compared = useQuery(trpc.templates.compare.queryOptions({ fromVersionId, toVersionId }));
  if (compared.isError) return <p className="text-sm text-red-600">{errorDetails(compared.error).message}</p>;
  if (!compared.data) return <p className="text-sm text-gray-500">Comparing…</p>;
  const { from, to, parts } = compared.data;
  return (
    <section aria-label={`Version ${from.version} and version ${to.version} side by side`} className="space-y-4" data-testid="version-comparison">
      {parts.map((part) => (
        <div key={part.part}>
          <h4 className="mb-1 text-sm font-semibold text-gray-900">
            {part.label}
            {part.changed ? null : <span className="ml-2 text-xs font-normal text-gray-500">unchanged</span>}
          </h4>
          <table className="w-full table-fixed border-collapse rounded-md ring-1 ring-gray-200">
            <thead>
              <tr className="bg-gray-50 text-left text-xs text-gray-600">
                <th scope="col" className="px-2 py-1 font-medium">
                  {`v${from.version}${from.live ? " (live)" : ""} · `}
                  <Time value={from.createdAt} />
                </th>
                <th scope="col" className="px-2 py-1 font-medium">
                  {`v${to.version}${to.live ? " (live)" : ""} · `}
                  <Time value={to.createdAt} />
                </th>
              </tr>
            </thead>
            <tbody>
              {part.rows.map((row, index) => (
                <tr key={index}>
                  <Cell line={row.left} />
                  <Cell line={row.right} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
