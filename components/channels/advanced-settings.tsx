"use client";

import type { FieldErrors } from "@/lib/validation/field-errors";
import type { ChannelItem, ProviderEntry } from "./channel-shared";
import { InputControl } from "./form-controls";

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_ATTEMPTS = 8;

export const advancedKeys = ["baseUrl", "ratePerSecond", "maxConcurrency", "timeoutMs", "maxAttempts"] as const;
export type AdvancedKey = (typeof advancedKeys)[number];
export type AdvancedValues = Record<AdvancedKey, string>;

/** Empty for a new channel (the placeholders show the defaults); the saved values when editing. */
export function advancedValuesOf(channel: ChannelItem | null): AdvancedValues {
  return {
    baseUrl: channel?.baseUrl ?? "",
    ratePerSecond: channel?.ratePerSecond == null ? "" : String(channel.ratePerSecond),
    maxConcurrency: channel?.maxConcurrency == null ? "" : String(channel.maxConcurrency),
    timeoutMs: channel ? String(channel.timeoutMs) : "",
    maxAttempts: channel ? String(channel.maxAttempts) : "",
  };
}

export type ParsedAdvanced = {
  baseUrl: string | null;
  ratePerSecond: number | null;
  maxConcurrency: number | null;
  timeoutMs: number | null;
  maxAttempts: number | null;
};

/** The typed text as numbers (null when empty), or inline errors for what is not a number. */
export function parseAdvanced(values: AdvancedValues): { parsed: ParsedAdvanced; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const number = (key: Exclude<AdvancedKey, "baseUrl">, integer: boolean): number | null => {
    const text = values[key].trim();
    if (!text) return null;
    const value = Number(text);
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      errors[key] = integer ? "Enter a whole number, or leave it empty for the default." : "Enter a number, or leave it empty for the default.";
      return null;
    }
    return value;
  };
  const parsed = {
    baseUrl: values.baseUrl.trim() || null,
    ratePerSecond: number("ratePerSecond", false),
    maxConcurrency: number("maxConcurrency", true),
    timeoutMs: number("timeoutMs", true),
    maxAttempts: number("maxAttempts", true),
  };
  return { parsed, errors };
}

/** Base URL override, rate limit, concurrency, timeout and attempts, folded away in a <details>. */
export function AdvancedSettings({
  provider,
  values,
  errors,
  onChange,
  open,
  onToggle,
  idPrefix,
}: {
  provider: ProviderEntry;
  values: AdvancedValues;
  errors: FieldErrors;
  onChange: (key: AdvancedKey, value: string) => void;
  open: boolean;
  onToggle: (open: boolean) => void;
  idPrefix: string;
}) {
  const input = (key: AdvancedKey) => ({
    id: `${idPrefix}-${key}`,
    name: key,
    value: values[key],
    onChange: (event: { target: { value: string } }) => onChange(key, event.target.value),
    error: errors[key],
  });
  return (
    <details open={open} onToggle={(event) => onToggle(event.currentTarget.open)} className="rounded-md bg-gray-50 p-3 text-sm md:col-span-2">
      <summary className="cursor-pointer font-medium text-gray-900">Advanced</summary>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <InputControl
          {...input("baseUrl")}
          label="Base URL"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder={provider.defaultBaseUrl ?? "https://…"}
          className="md:col-span-2"
          hint={
            provider.defaultBaseUrl
              ? `Replaces ${provider.defaultBaseUrl}: for a regional host, a proxy, or a local fake in tests. Leave empty to use the provider's own API.`
              : "For a proxy or a local fake in tests. Leave empty unless you need one."
          }
        />
        <InputControl
          {...input("ratePerSecond")}
          label="Rate limit (messages per second)"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          placeholder={String(provider.defaultRatePerSecond)}
          hint={`At most this many messages a second through this channel. Leave empty for ${provider.name}'s documented default (${provider.defaultRatePerSecond} per second).`}
        />
        <InputControl
          {...input("maxConcurrency")}
          label="Concurrency"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          step={1}
          placeholder={String(provider.defaultConcurrency)}
          hint={`Messages sent at the same time. Leave empty for the default (${provider.defaultConcurrency}).`}
        />
        <InputControl
          {...input("timeoutMs")}
          label="Timeout (ms)"
          type="number"
          inputMode="numeric"
          min={500}
          max={120_000}
          step={1}
          placeholder={String(DEFAULT_TIMEOUT_MS)}
          hint={`How long to wait for the provider's answer before the attempt counts as failed and is retried. Default ${DEFAULT_TIMEOUT_MS} ms.`}
        />
        <InputControl
          {...input("maxAttempts")}
          label="Max attempts"
          type="number"
          inputMode="numeric"
          min={1}
          max={25}
          step={1}
          placeholder={String(DEFAULT_MAX_ATTEMPTS)}
          hint={`Tries before a message fails; temporary errors (timeouts, 429, 5xx) are retried with a growing delay. Default ${DEFAULT_MAX_ATTEMPTS}.`}
        />
      </div>
    </details>
  );
}
