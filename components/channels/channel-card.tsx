"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useCallback, useState } from "react";
import { Time } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Badge, Card } from "../ui/card";
import { FormError } from "../ui/field";
import { type ChannelItem, type ProviderEntry, configDisplay, kindLabel, recipientHintFor } from "./channel-shared";
import { DeleteChannelButton } from "./delete-channel-button";
import { SendTestForm } from "./send-test-form";
import { StatusCallbackUrl } from "./status-callback-url";

/**
 * One configured channel: what it is, which secrets are stored, its actions, the delivery callback URL
 * when the provider has one, and "Send test". `editor` is the edit form when it is open here.
 */
export function ChannelCard({
  channel,
  provider,
  editing,
  onEdit,
  editor,
  notice,
}: {
  channel: ChannelItem;
  provider: ProviderEntry | undefined;
  editing: boolean;
  onEdit: () => void;
  editor: ReactNode;
  /** What just happened to this channel ("Added…", "Saved."), shown once with focus moved here. */
  notice: string | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const toggle = useMutation(
    trpc.channels.update.mutationOptions({
      onSuccess: () => {
        setError(null);
        return queryClient.invalidateQueries({ queryKey: trpc.channels.list.queryKey() });
      },
      onError: (failure) => setError(errorDetails(failure).message),
    }),
  );
  const focusWhenNoticed = useCallback((node: HTMLHeadingElement | null) => (notice ? node?.focus() : undefined), [notice]);
  // Without the catalogue (still loading, or a provider no longer offered), secrets are listed by name.
  const secretFields = provider?.fields.filter((field) => field.secret) ?? Object.keys(channel.credentialsSet).map((name) => ({ name, label: name, required: true }));
  const configFields = provider?.fields.filter((field) => !field.secret) ?? [];
  const recipient = recipientHintFor(provider, channel);
  const panelId = `channel-${channel.id}-edit`;
  const limits = [
    channel.baseUrl ? `base URL ${channel.baseUrl}` : null,
    channel.ratePerSecond != null ? `${channel.ratePerSecond} per second` : null,
    channel.maxConcurrency != null ? `${channel.maxConcurrency} at a time` : null,
    `timeout ${channel.timeoutMs} ms`,
    `${channel.maxAttempts} attempts`,
  ].filter(Boolean);

  return (
    <Card className="p-5">
      <div data-testid={`channel-${channel.id}`} className="space-y-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <div className="flex flex-wrap items-center gap-2">
              <h3 ref={focusWhenNoticed} tabIndex={-1} className="text-base font-semibold text-gray-900 focus:outline-none">
                {channel.name}
              </h3>
              <Badge tone="indigo">{kindLabel[channel.kind]}</Badge>
              {channel.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
            </div>
            <p className="mt-0.5 text-sm text-gray-600">
              {channel.providerName} · added <Time value={channel.createdAt} />
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="secondary" aria-expanded={editing} aria-controls={panelId} onClick={onEdit} disabled={!provider}>
              Edit
            </Button>
            <Button
              size="sm"
              variant="secondary"
              busy={toggle.isPending}
              onClick={() => toggle.mutate({ channelId: channel.id, enabled: !channel.enabled })}
            >
              {channel.enabled ? "Disable" : "Enable"}
            </Button>
            <DeleteChannelButton channel={channel} onError={setError} />
          </div>
        </div>
        {notice ? (
          <p role="status" className="text-sm text-green-700">
            {notice}
          </p>
        ) : null}
        {channel.enabled ? null : (
          <p className="text-sm text-gray-600">Disabled: flows skip this channel and use the next one of their step, if there is one.</p>
        )}
        <FormError message={error} />
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {secretFields.map((field) => (
            <div key={field.name} className="contents">
              <dt className="text-gray-500">{field.label}</dt>
              <dd>{channel.credentialsSet[field.name] ? <Badge tone="green">set</Badge> : <Badge tone={field.required ? "amber" : "gray"}>not set</Badge>}</dd>
            </div>
          ))}
          {configFields.map((field) => (
            <div key={field.name} className="contents">
              <dt className="text-gray-500">{field.label}</dt>
              <dd className="break-all text-gray-900">{configDisplay(field, channel.config[field.name])}</dd>
            </div>
          ))}
          <div className="contents">
            <dt className="text-gray-500">Sending</dt>
            <dd className="break-all text-gray-900">{limits.join(" · ")}</dd>
          </div>
        </dl>
        <div id={panelId}>{editor}</div>
        {provider?.hasStatusCallbacks ? <StatusCallbackUrl url={channel.statusCallbackUrl} providerName={channel.providerName} /> : null}
        <div className="border-t border-gray-100 pt-4">
          <SendTestForm channelId={channel.id} placeholder={recipient.placeholder} hint={recipient.hint} type={recipient.type} />
        </div>
      </div>
    </Card>
  );
}
