"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useCallback, useId, useState } from "react";
import type { ChannelKind } from "@/lib/channels/provider-ids";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { FormError } from "../ui/field";
import {
  type AdvancedKey,
  AdvancedSettings,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_TIMEOUT_MS,
  type ParsedAdvanced,
  advancedKeys,
  advancedValuesOf,
  parseAdvanced,
} from "./advanced-settings";
import { type ChannelItem, type FieldValues, type ProviderEntry, configValuesOf, kindLabel, unplacedErrors } from "./channel-shared";
import { InputControl, SelectControl } from "./form-controls";
import { ProviderFieldInputs } from "./provider-field-inputs";

/**
 * Adds a channel of `provider`, or edits `channel`. Mounted when opened (keyed by provider or channel),
 * so it starts from the saved values; secrets always start empty and are only sent when typed.
 */
export function ChannelForm({
  provider,
  channel,
  onSaved,
  onCancel,
}: {
  provider: ProviderEntry;
  channel: ChannelItem | null;
  onSaved: (saved: ChannelItem, outcome: "created" | "updated" | "unchanged") => unknown;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.channels.create.mutationOptions());
  const update = useMutation(trpc.channels.update.mutationOptions());
  const idPrefix = `channel-form-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const secretFields = provider.fields.filter((field) => field.secret);
  const configFields = provider.fields.filter((field) => !field.secret);
  const savedConfig = configValuesOf(channel?.config ?? {}, provider.fields);
  const multiKind = provider.kinds.length > 1;

  const [name, setName] = useState(channel?.name ?? "");
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? provider.kind);
  const [secrets, setSecrets] = useState<FieldValues>({});
  const [config, setConfig] = useState<FieldValues>(savedConfig);
  const [advanced, setAdvanced] = useState(() => advancedValuesOf(channel));
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // Focus lands on the form once, so keyboard and screen-reader users start where they clicked "Add" / "Edit".
  const focusOnMount = useCallback((node: HTMLHeadingElement | null) => node?.focus(), []);

  const placed = ["name", "kind", ...secretFields.map((field) => `credentials.${field.name}`), ...configFields.map((field) => `config.${field.name}`), ...advancedKeys];

  function showErrors(next: FieldErrors, message: string | null) {
    setErrors(next);
    setFormError(message);
    if (advancedKeys.some((key) => next[key])) setAdvancedOpen(true);
  }

  function createInput(limits: ParsedAdvanced) {
    return {
      provider: provider.id,
      name: name.trim(),
      ...(multiKind ? { kind } : {}),
      credentials: Object.fromEntries(secretFields.map((field) => [field.name, secrets[field.name] ?? ""])),
      config: Object.fromEntries(configFields.map((field) => [field.name, config[field.name] ?? ""])),
      ...(limits.baseUrl ? { baseUrl: limits.baseUrl } : {}),
      ...(limits.ratePerSecond !== null ? { ratePerSecond: limits.ratePerSecond } : {}),
      ...(limits.maxConcurrency !== null ? { maxConcurrency: limits.maxConcurrency } : {}),
      ...(limits.timeoutMs !== null ? { timeoutMs: limits.timeoutMs } : {}),
      ...(limits.maxAttempts !== null ? { maxAttempts: limits.maxAttempts } : {}),
    };
  }

  /** Only what changed, so the audit log says what was edited. An emptied limit goes back to its default. */
  function updateChanges(current: ChannelItem, limits: ParsedAdvanced) {
    const typedSecrets = Object.fromEntries(secretFields.map((field) => [field.name, secrets[field.name] ?? ""]).filter(([, value]) => value !== ""));
    const configChanged = configFields.some((field) => (config[field.name] ?? "") !== (savedConfig[field.name] ?? ""));
    const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxAttempts = limits.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    return {
      ...(name.trim() !== current.name ? { name: name.trim() } : {}),
      ...(Object.keys(typedSecrets).length ? { credentials: typedSecrets } : {}),
      ...(configChanged ? { config: Object.fromEntries(configFields.map((field) => [field.name, config[field.name] ?? ""])) } : {}),
      ...(limits.baseUrl !== current.baseUrl ? { baseUrl: limits.baseUrl } : {}),
      ...(limits.ratePerSecond !== current.ratePerSecond ? { ratePerSecond: limits.ratePerSecond } : {}),
      ...(limits.maxConcurrency !== current.maxConcurrency ? { maxConcurrency: limits.maxConcurrency } : {}),
      ...(timeoutMs !== current.timeoutMs ? { timeoutMs } : {}),
      ...(maxAttempts !== current.maxAttempts ? { maxAttempts } : {}),
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { parsed, errors: local } = parseAdvanced(advanced);
    if (!name.trim()) local.name = "Give the channel a name.";
    if (Object.keys(local).length) {
      showErrors(local, null);
      return;
    }
    showErrors({}, null);
    try {
      if (channel) {
        const changes = updateChanges(channel, parsed);
        if (Object.keys(changes).length === 0) {
          await onSaved(channel, "unchanged");
          return;
        }
        const saved = await update.mutateAsync({ channelId: channel.id, ...changes });
        setSecrets({});
        await onSaved(saved, "updated");
      } else {
        const saved = await create.mutateAsync(createInput(parsed));
        setSecrets({});
        await onSaved(saved, "created");
      }
    } catch (error) {
      const details = errorDetails(error);
      const hasFieldErrors = Object.keys(details.fieldErrors).length > 0;
      showErrors(details.fieldErrors, unplacedErrors(details.fieldErrors, placed) ?? (hasFieldErrors ? null : details.message));
    }
  }

  const headingId = `${idPrefix}-heading`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-indigo-200">
      <div>
        <h3 id={headingId} ref={focusOnMount} tabIndex={-1} className="text-base font-semibold text-gray-900 focus:outline-none">
          {channel ? `Edit ${channel.name}` : `Add a ${provider.name} channel`}
        </h3>
        <p className="mt-1 text-sm text-gray-600">
          {provider.description}{" "}
          <a href={provider.docsUrl} target="_blank" rel="noreferrer" className="font-medium text-indigo-700 underline hover:text-indigo-500">
            {provider.name} docs<span className="sr-only"> (opens in a new tab)</span>
          </a>
        </p>
        {secretFields.length ? (
          <p className="mt-1 text-xs text-gray-500">
            Secrets are stored encrypted and never shown again{channel ? ": type a new value only to replace one." : "."}
          </p>
        ) : null}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <InputControl
          id={`${idPrefix}-name`}
          label="Channel name"
          name="name"
          autoComplete="off"
          placeholder={`e.g. ${provider.name} order ${kind === "email" ? "emails" : "messages"}`}
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          hint="How flows, the timeline and the audit log name this channel."
          error={errors.name}
        />
        {multiKind && !channel ? (
          <SelectControl
            id={`${idPrefix}-kind`}
            label="Channel kind"
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as ChannelKind)}
            options={provider.kinds.filter((value): value is ChannelKind => value in kindLabel).map((value) => ({ value, label: kindLabel[value] }))}
            hint="What this channel stands in for: its messages are recorded in the Sandbox inbox and shown as that kind (an email, an SMS…)."
            error={errors.kind}
          />
        ) : null}
        <ProviderFieldInputs
          idPrefix={idPrefix}
          fields={provider.fields}
          secrets={secrets}
          config={config}
          errors={errors}
          credentialsSet={channel ? channel.credentialsSet : undefined}
          onSecret={(field, value) => setSecrets((current) => ({ ...current, [field]: value }))}
          onConfig={(field, value) => setConfig((current) => ({ ...current, [field]: value }))}
        />
        {provider.fields.length === 0 ? <p className="text-sm text-gray-600 md:col-span-2">{provider.name} needs no credentials or settings.</p> : null}
        <AdvancedSettings
          idPrefix={idPrefix}
          provider={provider}
          values={advanced}
          errors={errors}
          open={advancedOpen}
          onToggle={setAdvancedOpen}
          onChange={(key: AdvancedKey, value) => setAdvanced((current) => ({ ...current, [key]: value }))}
        />
      </div>
      <FormError message={formError} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={create.isPending || update.isPending}>
          Save channel
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
