"use client";

import { useCallback } from "react";
import type { SecretField } from "@/server/sources/source-adapter";
import { Button } from "../ui/button";
import type { CreatedSource } from "./add-source-form";
import { CopyButton } from "../ui/copy-button";
import { GeneratedSecretNotice } from "./generated-secret-notice";
import { SetupSteps } from "./setup-steps";

/** What to do right after adding a source: its trigger URL, any generated secret (once), and the set-up. */
export function CreatedSourceNotice({ created, platformLabel, secretFields, onDismiss }: { created: CreatedSource; platformLabel: string; secretFields: SecretField[]; onDismiss: () => void }) {
  const { source, generatedSecrets } = created;
  // Focus moves here once, so keyboard and screen-reader users land on the result of what they submitted.
  const focusOnMount = useCallback((node: HTMLHeadingElement | null) => node?.focus(), []);
  return (
    <section data-testid="created-source" aria-labelledby="created-source-title" className="space-y-4 rounded-lg bg-green-50 p-5 ring-1 ring-green-200">
      <h2 id="created-source-title" ref={focusOnMount} tabIndex={-1} className="text-base font-semibold text-green-900 focus:outline-none">
        {source.name} is added. Now connect {platformLabel}.
      </h2>
      <div>
        <p className="text-sm font-medium text-gray-900">Trigger URL</p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <code data-testid="created-trigger-url" className="rounded bg-white px-2 py-1 font-mono text-sm break-all ring-1 ring-green-200">
            {source.triggerUrl}
          </code>
          <CopyButton value={source.triggerUrl} label="Copy trigger URL" />
        </div>
      </div>
      {generatedSecrets ? <GeneratedSecretNotice secrets={generatedSecrets} fields={secretFields} /> : null}
      <div>
        <h3 className="text-sm font-medium text-gray-900">Set up {platformLabel}, step by step</h3>
        <div className="mt-2">
          <SetupSteps steps={source.setupSteps} />
        </div>
      </div>
      <Button size="sm" variant="secondary" onClick={onDismiss}>
        Done
      </Button>
    </section>
  );
}
