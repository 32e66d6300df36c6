"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { Badge } from "../ui/card";
import { type ProviderEntry, kindLabel, kindOrder } from "./channel-shared";
import { InputControl } from "./form-controls";

/** Every provider Orderbell can send through, grouped by kind and searchable by name, each with "Add". */
export function ProviderCatalogue({ catalogue, onAdd }: { catalogue: ProviderEntry[]; onAdd: (providerId: string) => void }) {
  const [search, setSearch] = useState("");
  const query = search.trim().toLowerCase();
  const matches = query ? catalogue.filter((provider) => provider.name.toLowerCase().includes(query) || provider.id.toLowerCase().includes(query)) : catalogue;
  const groups = kindOrder
    .map((kind) => ({ kind, providers: matches.filter((provider) => provider.kind === kind).sort((a, b) => a.name.localeCompare(b.name)) }))
    .filter((group) => group.providers.length > 0);

  return (
    <div className="space-y-5">
      <div className="max-w-md">
        <InputControl
          id="channel-catalogue-search"
          label="Search providers"
          type="search"
          autoComplete="off"
          placeholder="e.g. Twilio, WhatsApp, Slack"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <p role="status" className="mt-1 text-xs text-gray-500">
          {query ? (matches.length ? `${matches.length} of ${catalogue.length} providers match.` : "No provider matches.") : `${catalogue.length} providers.`}
        </p>
      </div>
      {groups.length === 0 ? (
        <p className="text-sm text-gray-600">
          No provider is named “{search.trim()}”. Any service with an HTTP API can still be reached with the Webhook provider, or through a
          Zapier / Make webhook.
        </p>
      ) : (
        groups.map((group) => (
          <section key={group.kind} aria-labelledby={`catalogue-${group.kind}`}>
            <h3 id={`catalogue-${group.kind}`} className="text-sm font-semibold tracking-wide text-gray-500 uppercase">
              {kindLabel[group.kind]}
            </h3>
            <ul className="mt-2 grid gap-3 md:grid-cols-2 xl:grid-cols-3">
              {group.providers.map((provider) => (
                <li
                  key={provider.id}
                  data-testid={`provider-${provider.id}`}
                  className="flex flex-col justify-between gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200"
                >
                  <div>
                    <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-gray-900">
                      {provider.name}
                      {provider.kinds.length > 1 ? <Badge>Any kind</Badge> : null}
                      {provider.hasStatusCallbacks ? <Badge tone="green">Delivery reports</Badge> : null}
                    </p>
                    <p className="mt-1 text-sm text-gray-600">{provider.description}</p>
                  </div>
                  <div className="flex items-center justify-between gap-2">
                    <a href={provider.docsUrl} target="_blank" rel="noreferrer" className="text-sm font-medium text-indigo-700 underline hover:text-indigo-500">
                      Docs<span className="sr-only"> for {provider.name} (opens in a new tab)</span>
                    </a>
                    <Button size="sm" aria-label={`Add ${provider.name}`} onClick={() => onAdd(provider.id)}>
                      Add
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
