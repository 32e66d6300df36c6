"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { EmptyState } from "../ui/card";
import { FormError } from "../ui/field";
import { ChannelCard } from "./channel-card";
import { ChannelForm } from "./channel-form";
import type { ChannelItem } from "./channel-shared";
import { ProviderCatalogue } from "./provider-catalogue";

/** One form at a time: adding a channel of a provider, or editing one channel. */
type Editor = { mode: "add"; providerId: string } | { mode: "edit"; channelId: string } | null;
type Notice = { channelId: string; text: string } | null;

const noticeText = {
  created: "Channel added. Send a test below to check that it works, then choose it in a flow.",
  updated: "Changes saved.",
  unchanged: "Nothing changed.",
} as const;

export function ChannelsManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalogue = useQuery(trpc.channels.catalogue.queryOptions());
  const list = useQuery(trpc.channels.list.queryOptions());
  const [editor, setEditor] = useState<Editor>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const providerOf = (id: string) => catalogue.data?.find((provider) => provider.id === id);
  const adding = editor?.mode === "add" ? providerOf(editor.providerId) : undefined;

  function open(next: Editor) {
    setNotice(null);
    setEditor(next);
  }

  async function saved(channel: ChannelItem, outcome: keyof typeof noticeText) {
    if (outcome !== "unchanged") await queryClient.invalidateQueries({ queryKey: trpc.channels.list.queryKey() });
    setEditor(null);
    setNotice({ channelId: channel.id, text: noticeText[outcome] });
  }

  const channels = list.data ?? [];
  const onlySandbox = channels.length > 0 && channels.every((channel) => channel.provider === "sandbox");

  return (
    <div className="space-y-8">
      <section aria-labelledby="channels-heading" className="space-y-4">
        <h2 id="channels-heading" className="text-base font-semibold">
          Your channels
        </h2>
        {list.isError ? (
          <FormError message={`The channels could not be loaded: ${errorDetails(list.error).message}`} />
        ) : !list.data ? (
          <p className="text-sm text-gray-500">Loading channels…</p>
        ) : channels.length === 0 ? (
          <EmptyState title="No channels yet">
            No channels yet — add one from the catalogue below. Until then flows have nothing to send through: the Sandbox provider records messages
            inside Orderbell, so you can try flows and templates before connecting a real provider account.
          </EmptyState>
        ) : (
          <>
            {onlySandbox ? (
              <p className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
                Only sandbox channels so far: messages are recorded in the{" "}
                <Link href="/sandbox" className="font-medium underline">
                  Sandbox inbox
                </Link>{" "}
                and no customer receives them. Add a real provider from the catalogue below, send a test, then choose it in your{" "}
                <Link href="/flows" className="font-medium underline">
                  flows
                </Link>
                .
              </p>
            ) : null}
            {channels.map((channel) => {
              const provider = providerOf(channel.provider);
              const editing = editor?.mode === "edit" && editor.channelId === channel.id;
              return (
                <ChannelCard
                  key={channel.id}
                  channel={channel}
                  provider={provider}
                  editing={editing}
                  onEdit={() => open(editing ? null : { mode: "edit", channelId: channel.id })}
                  notice={notice?.channelId === channel.id ? notice.text : null}
                  editor={
                    editing && provider ? (
                      <ChannelForm key={channel.id} provider={provider} channel={channel} onSaved={saved} onCancel={() => setEditor(null)} />
                    ) : null
                  }
                />
              );
            })}
          </>
        )}
      </section>
      <section aria-labelledby="catalogue-heading" className="space-y-4">
        <div>
          <h2 id="catalogue-heading" className="text-base font-semibold">
            Add a channel
          </h2>
          <p className="mt-1 text-sm text-gray-600">
            Pick the provider you have an account with. Its credentials are stored encrypted and never shown again; a flow can send through several
            channels in order, falling back to the next when one fails.
          </p>
        </div>
        {adding ? <ChannelForm key={adding.id} provider={adding} channel={null} onSaved={saved} onCancel={() => setEditor(null)} /> : null}
        {catalogue.isError ? (
          <FormError message={`The list of providers could not be loaded: ${errorDetails(catalogue.error).message}`} />
        ) : catalogue.data ? (
          <ProviderCatalogue catalogue={catalogue.data} onAdd={(providerId) => open({ mode: "add", providerId })} />
        ) : (
          <p className="text-sm text-gray-500">Loading providers…</p>
        )}
      </section>
    </div>
  );
}
