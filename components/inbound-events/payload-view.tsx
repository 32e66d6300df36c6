"use client";

import { parse, stringify } from "lossless-json";
import { useMemo } from "react";

/** Pretty-printed JSON, numbers kept exact (big platform ids); anything else as the raw text it arrived as. */
function pretty(payload: string): { text: string; json: boolean } {
  try {
    return { text: stringify(parse(payload), null, 2) ?? payload, json: true };
  } catch {
    // lossless-json refuses some bodies JSON.parse takes (a repeated key): those are still JSON, less exactly.
    try {
      return { text: JSON.stringify(JSON.parse(payload), null, 2), json: true };
    } catch {
      return { text: payload, json: false };
    }
  }
}

export function PayloadView({ payload }: { payload: string }) {
  const shown = useMemo(() => pretty(payload), [payload]);
  if (payload === "") return <p className="text-sm text-gray-500">The request had no body.</p>;
  return (
    <div className="space-y-1">
      <p className="text-xs text-gray-500">{shown.json ? "JSON, formatted for reading." : "Not valid JSON: shown as received."}</p>
      <pre data-testid="inbound-event-payload" tabIndex={0} aria-label="Payload" className="max-h-[32rem] overflow-auto rounded-md bg-gray-900 p-4 font-mono text-xs leading-relaxed text-gray-100">
        {shown.text}
      </pre>
    </div>
  );
}

export function HeadersList({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="space-y-2">
      <p className="text-xs text-gray-500">Signature headers are never stored, so they are not listed here.</p>
      {entries.length === 0 ? (
        <p className="text-sm text-gray-500">No headers were stored.</p>
      ) : (
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-xs sm:grid-cols-[minmax(10rem,auto)_1fr]">
          {entries.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-mono text-gray-500">{name}</dt>
              <dd className="font-mono break-all text-gray-900">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
