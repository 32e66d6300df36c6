"use client";

import type { SecretField } from "@/server/sources/source-adapter";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";

/** Secrets Orderbell generated (the POS signing secret), shown this once: only their encrypted form is kept. */
export function GeneratedSecretNotice({ secrets, fields, onDismiss }: { secrets: Record<string, string>; fields: SecretField[]; onDismiss?: () => void }) {
  const entries = Object.entries(secrets);
  if (entries.length === 0) return null;
  return (
    <div role="status" className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200">
      <p className="font-medium">Copy {entries.length === 1 ? "this secret" : "these secrets"} now: {entries.length === 1 ? "it" : "they"} will not be shown again.</p>
      <ul className="mt-3 space-y-3">
        {entries.map(([name, value]) => {
          const label = fields.find((field) => field.name === name)?.label ?? name;
          return (
            <li key={name}>
              <p className="text-xs font-medium text-amber-800">{label}</p>
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <code data-testid="generated-secret" data-field={name} className="rounded bg-white px-2 py-1 font-mono text-sm break-all ring-1 ring-amber-200">
                  {value}
                </code>
                <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
              </div>
            </li>
          );
        })}
      </ul>
      {onDismiss ? (
        <div className="mt-3">
          <Button size="sm" variant="secondary" onClick={onDismiss}>
            Done
          </Button>
        </div>
      ) : null}
    </div>
  );
}
