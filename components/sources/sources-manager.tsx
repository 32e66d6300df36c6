"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { EmptyState } from "../ui/card";
import { FormError } from "../ui/field";
import { AddSourceForm, type CreatedSource } from "./add-source-form";
import { CreatedSourceNotice } from "./created-source-notice";
import { SourceCard } from "./source-card";

export function SourcesManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalogue = useQuery(trpc.sources.catalogue.queryOptions());
  const list = useQuery(trpc.sources.list.queryOptions());
  const [created, setCreated] = useState<CreatedSource | null>(null);
  const platformOf = (kind: string) => catalogue.data?.find((entry) => entry.kind === kind);
  const createdPlatform = created ? platformOf(created.source.kind) : undefined;

  return (
    <div className="space-y-6">
      {catalogue.isError ? (
        <FormError message={`The list of platforms could not be loaded: ${errorDetails(catalogue.error).message}`} />
      ) : catalogue.data ? (
        <AddSourceForm
          catalogue={catalogue.data}
          onCreated={(result) => {
            setCreated(result);
            return queryClient.invalidateQueries({ queryKey: trpc.sources.list.queryKey() });
          }}
        />
      ) : (
        <p className="text-sm text-gray-500">Loading platforms…</p>
      )}
      {created ? (
        <CreatedSourceNotice
          key={created.source.id}
          created={created}
          platformLabel={createdPlatform?.label ?? created.source.kind}
          secretFields={createdPlatform?.secretFields ?? []}
          onDismiss={() => setCreated(null)}
        />
      ) : null}
      <section aria-labelledby="sources-heading" className="space-y-4">
        <h2 id="sources-heading" className="text-base font-semibold">
          Connected sources
        </h2>
        {list.isError ? (
          <FormError message={errorDetails(list.error).message} />
        ) : !list.data ? (
          <p className="text-sm text-gray-500">Loading sources…</p>
        ) : list.data.length === 0 ? (
          <EmptyState title="No sources yet">
            A source is a platform that sends you paid orders: a Shopify or WooCommerce store, Stripe, Square, or any POS or payment gateway.
            Add one with the form above: you get a trigger URL to paste into the platform and step-by-step set-up for it.
          </EmptyState>
        ) : (
          list.data.map((source) => <SourceCard key={source.id} source={source} platform={platformOf(source.kind)} />)
        )}
      </section>
    </div>
  );
}
