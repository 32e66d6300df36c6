"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SourceView } from "@/server/sources/manage-sources";
import { Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Badge, Card } from "../ui/card";
import { FormError } from "../ui/field";
import { CopyButton } from "../ui/copy-button";
import { RotateSecretsForm } from "./rotate-secrets-form";
import type { CatalogueEntry } from "./source-fields";
import { SetupSteps } from "./setup-steps";
import { SourceEditForm } from "./source-edit-form";

type Panel = "edit" | "rotate" | null;

export function SourceCard({ source, platform }: { source: SourceView; platform: CatalogueEntry | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [panel, setPanel] = useState<Panel>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = useMutation(
    trpc.sources.update.mutationOptions({
      onSuccess: () => {
        setError(null);
        return queryClient.invalidateQueries({ queryKey: trpc.sources.list.queryKey() });
      },
      onError: (failure) => setError(errorDetails(failure).message),
    }),
  );
  // Without the catalogue (still loading), the secrets are listed by their field names.
  const secretFields = platform?.secretFields ?? Object.keys(source.secretsSet).map((name) => ({ name, label: name, help: "", required: true }));
  const configFields = platform?.configFields ?? [];
  const open = (next: Panel) => setPanel((current) => (current === next ? null : next));
  const panelId = `source-${source.id}-panel`;

  return (
    <Card className="p-5">
      <div data-testid={`source-${source.id}`} className="space-y-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold text-gray-900">
              {source.name}
              {source.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
            </h3>
            <p className="mt-0.5 text-sm text-gray-600">
              {platform?.label ?? source.kind} · added <Time value={source.createdAt} />
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              variant={source.enabled ? "danger" : "secondary"}
              busy={toggle.isPending}
              onClick={() => toggle.mutate({ sourceId: source.id, enabled: !source.enabled })}
            >
              {source.enabled ? "Disable" : "Enable"}
            </Button>
            <Button size="sm" variant="secondary" aria-expanded={panel === "edit"} aria-controls={panelId} onClick={() => open("edit")}>
              Edit
            </Button>
            <Button size="sm" variant="secondary" aria-expanded={panel === "rotate"} aria-controls={panelId} onClick={() => open("rotate")}>
              Rotate secrets
            </Button>
          </div>
        </div>
        {source.enabled ? null : (
          <p className="text-sm text-gray-600">Requests to this trigger URL are refused (404) and recorded as rejected until you enable it again.</p>
        )}
        <FormError message={error} />
        <div>
          <p className="text-sm font-medium text-gray-900">Trigger URL</p>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <code data-testid="trigger-url" className="rounded bg-gray-50 px-2 py-1 font-mono text-sm break-all text-gray-800 ring-1 ring-gray-200">
              {source.triggerUrl}
            </code>
            <CopyButton value={source.triggerUrl} label="Copy trigger URL" />
          </div>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {secretFields.map((field) => (
            <div key={field.name} className="contents">
              <dt className="text-gray-500">{field.label}</dt>
              <dd>{source.secretsSet[field.name] ? <Badge tone="green">set</Badge> : <Badge tone="amber">not set</Badge>}</dd>
            </div>
          ))}
          {configFields.map((field) => (
            <div key={field.name} className="contents">
              <dt className="text-gray-500">{field.label}</dt>
              <dd className="break-all text-gray-900">{source.config[field.name] == null || source.config[field.name] === "" ? "—" : String(source.config[field.name])}</dd>
            </div>
          ))}
        </dl>
        <div id={panelId}>
          {panel === "edit" ? <SourceEditForm source={source} configFields={configFields} onClose={() => setPanel(null)} /> : null}
          {panel === "rotate" ? <RotateSecretsForm sourceId={source.id} sourceName={source.name} fields={secretFields} onClose={() => setPanel(null)} /> : null}
        </div>
        <details className="rounded-md bg-gray-50 p-3">
          <summary className="cursor-pointer text-sm font-medium text-gray-900">Set-up steps for {platform?.label ?? source.kind}</summary>
          <div className="mt-2">
            <SetupSteps steps={source.setupSteps} />
          </div>
        </details>
      </div>
    </Card>
  );
}
