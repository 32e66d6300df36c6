import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type Channel, channelKinds, channels, flowSteps, flows } from "@/db/schema";
import { providerIds } from "@/lib/channels/provider-ids";
import { type Actor, recordAudit } from "../audit/record-audit";
import { env } from "../env";
import { DomainError } from "../errors";
import type { ChannelProvider } from "../channels/channel-provider";
import { openChannelCredentials, sealChannelCredentials } from "./channel-credentials";
import { providerFor } from "../channels/registry";
import { channelFieldErrors } from "./channel-field-errors";

const limits = {
  ratePerSecond: z.number().positive("Use a positive rate.").max(10_000).nullable().optional(),
  maxConcurrency: z.number().int().min(1, "Use at least 1.").max(100).nullable().optional(),
  timeoutMs: z.number().int().min(500, "Use at least 500 ms.").max(120_000, "Use at most 120 s.").optional(),
  maxAttempts: z.number().int().min(1).max(25).optional(),
  baseUrl: z.url({ protocol: /^https?$/, error: "Use an http(s) URL." }).nullable().optional(),
};

export const createChannelInput = z.object({
  provider: z.enum(providerIds, { error: "Choose a provider." }),
  name: z.string().trim().min(1, "Give the channel a name.").max(100),
  /** Only for providers that serve several kinds (the sandbox). */
  kind: z.enum(channelKinds).optional(),
  credentials: z.record(z.string(), z.unknown()).default({}),
  config: z.record(z.string(), z.unknown()).default({}),
  enabled: z.boolean().default(true),
  ...limits,
});

export const updateChannelInput = z.object({
  channelId: z.uuid(),
  name: z.string().trim().min(1, "Give the channel a name.").max(100).optional(),
  enabled: z.boolean().optional(),
  /** Only the secrets given are replaced; the others keep their stored value. */
  credentials: z.record(z.string(), z.unknown()).optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  ...limits,
});

export type ChannelView = {
  id: string;
  provider: string;
  providerName: string;
  name: string;
  kind: Channel["kind"];
  enabled: boolean;
  config: Record<string, unknown>;
  /** Which credentials are set; their values never leave the server. */
  credentialsSet: Record<string, boolean>;
  baseUrl: string | null;
  ratePerSecond: number | null;
  maxConcurrency: number | null;
  timeoutMs: number;
  maxAttempts: number;
  statusCallbackPath: string;
  /** Built from APP_URL: exactly the URL providers that sign it (Twilio) must be given. */
  statusCallbackUrl: string;
  createdAt: Date;
};

function requireProvider(id: string): ChannelProvider {
  const provider = providerFor(id);
  if (!provider) throw new DomainError("BAD_REQUEST", `Unknown provider "${id}".`, "provider");
  return provider;
}

/** Empty strings mean "not set" in forms: drop them before validating. */
function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== "" && value !== null && value !== undefined));
}

/**
 * Checks credentials and settings against the provider's schemas together, and refuses them with every
 * problem named by field (not only the first), so the form shows them all at once.
 */
function validateChannelFields(provider: ChannelProvider, credentials: Record<string, unknown> | null, config: Record<string, unknown> | null) {
  const checkedCredentials = credentials ? provider.credentialsSchema.safeParse(credentials) : null;
  const checkedConfig = config ? provider.configSchema.safeParse(config) : null;
  const errors = {
    ...(checkedCredentials && !checkedCredentials.success ? channelFieldErrors(checkedCredentials.error, "credentials", provider.fields, credentials ?? {}) : {}),
    ...(checkedConfig && !checkedConfig.success ? channelFieldErrors(checkedConfig.error, "config", provider.fields, config ?? {}) : {}),
  };
  const messages = Object.values(errors).filter((message): message is string => Boolean(message));
  if (messages.length) {
    const [first] = messages;
    throw new DomainError("BAD_REQUEST", messages.length === 1 ? first! : `${messages.length} fields need attention: ${messages.join(" ")}`, undefined, errors);
  }
  return {
    credentials: checkedCredentials?.success ? (checkedCredentials.data as Record<string, unknown>) : null,
    config: checkedConfig?.success ? (checkedConfig.data as Record<string, unknown>) : null,
  };
}

function openCredentials(channel: Channel): Record<string, unknown> {
  try {
    return openChannelCredentials(channel.id, channel.credentialsEncrypted);
  } catch {
    return {}; // unreadable after an APP_SECRET change: shown as not set, to be entered again
  }
}

export function channelView(channel: Channel): ChannelView {
  const provider = providerFor(channel.provider);
  const credentials = openCredentials(channel);
  const secretFields = provider?.fields.filter((field) => field.secret) ?? [];
  return {
    id: channel.id,
    provider: channel.provider,
    providerName: provider?.name ?? channel.provider,
    name: channel.name,
    kind: channel.kind,
    enabled: channel.enabled,
    config: channel.config,
    credentialsSet: Object.fromEntries(secretFields.map((field) => [field.name, credentials[field.name] !== undefined && credentials[field.name] !== ""])),
    baseUrl: channel.baseUrl,
    ratePerSecond: channel.ratePerSecond,
    maxConcurrency: channel.maxConcurrency,
    timeoutMs: channel.timeoutMs,
    maxAttempts: channel.maxAttempts,
    statusCallbackPath: `/api/status/${channel.id}`,
    statusCallbackUrl: `${env().APP_URL}/api/status/${channel.id}`,
    createdAt: channel.createdAt,
  };
}

export async function createChannel(db: Db, actor: Actor, input: z.input<typeof createChannelInput>): Promise<ChannelView> {
  const parsed = createChannelInput.parse(input);
  const provider = requireProvider(parsed.provider);
  const checked = validateChannelFields(provider, withoutEmpty(parsed.credentials), withoutEmpty(parsed.config));
  const credentials = checked.credentials ?? {};
  const config = checked.config ?? {};
  const kind = provider.recipientByKind && parsed.kind ? parsed.kind : provider.kind;
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const [channel] = await tx
      .insert(channels)
      .values({
        id,
        provider: provider.id,
        name: parsed.name,
        kind,
        credentialsEncrypted: sealChannelCredentials(id, credentials),
        config,
        enabled: parsed.enabled,
        baseUrl: parsed.baseUrl ?? null,
        ratePerSecond: parsed.ratePerSecond ?? null,
        maxConcurrency: parsed.maxConcurrency ?? null,
        ...(parsed.timeoutMs ? { timeoutMs: parsed.timeoutMs } : {}),
        ...(parsed.maxAttempts ? { maxAttempts: parsed.maxAttempts } : {}),
      })
      .returning();
    await recordAudit(tx, actor, { action: "channel.created", targetType: "channel", targetId: id, details: { provider: provider.id, name: parsed.name, credentials: Object.keys(withoutEmpty(parsed.credentials)) } });
    return channelView(channel!);
  });
}

export async function listChannels(db: Db): Promise<ChannelView[]> {
  const rows = await db.select().from(channels).where(isNull(channels.deletedAt)).orderBy(asc(channels.createdAt));
  return rows.map(channelView);
}

export async function requireChannel(db: Db, channelId: string): Promise<Channel> {
  const [channel] = await db.select().from(channels).where(and(eq(channels.id, channelId), isNull(channels.deletedAt)));
  if (!channel) throw new DomainError("NOT_FOUND", "No such channel.");
  return channel;
}

export async function updateChannel(db: Db, actor: Actor, input: z.input<typeof updateChannelInput>): Promise<ChannelView> {
  const parsed = updateChannelInput.parse(input);
  const channel = await requireChannel(db, parsed.channelId);
  const provider = requireProvider(channel.provider);
  const replacing = parsed.credentials ? withoutEmpty(parsed.credentials) : {};
  const { credentials, config } = validateChannelFields(provider, Object.keys(replacing).length ? { ...openCredentials(channel), ...replacing } : null, parsed.config ? withoutEmpty(parsed.config) : null);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(channels)
      .set({
        ...(parsed.name !== undefined ? { name: parsed.name } : {}),
        ...(parsed.enabled !== undefined ? { enabled: parsed.enabled } : {}),
        ...(credentials ? { credentialsEncrypted: sealChannelCredentials(channel.id, credentials) } : {}),
        ...(config ? { config } : {}),
        ...(parsed.baseUrl !== undefined ? { baseUrl: parsed.baseUrl } : {}),
        ...(parsed.ratePerSecond !== undefined ? { ratePerSecond: parsed.ratePerSecond } : {}),
        ...(parsed.maxConcurrency !== undefined ? { maxConcurrency: parsed.maxConcurrency } : {}),
        ...(parsed.timeoutMs !== undefined ? { timeoutMs: parsed.timeoutMs } : {}),
        ...(parsed.maxAttempts !== undefined ? { maxAttempts: parsed.maxAttempts } : {}),
        updatedAt: new Date(),
      })
      .where(eq(channels.id, channel.id))
      .returning();
    const changed = Object.keys(parsed).filter((key) => key !== "channelId" && key !== "credentials");
    await recordAudit(tx, actor, {
      action: credentials ? "channel.credentials_replaced" : parsed.enabled !== undefined && changed.length === 1 ? (parsed.enabled ? "channel.enabled" : "channel.disabled") : "channel.updated",
      targetType: "channel",
      targetId: channel.id,
      details: { name: updated!.name, changed, ...(credentials ? { credentials: Object.keys(replacing) } : {}) },
    });
    return channelView(updated!);
  });
}

/** The flows whose steps send through this channel: deleting it asks first and names them. */
export async function flowsUsingChannel(db: Db, channelId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectDistinct({ id: flows.id, name: flows.name })
    .from(flowSteps)
    .innerJoin(flows, eq(flows.id, flowSteps.flowId))
    .where(sql`${channelId}::uuid = any(${flowSteps.channelIds})`);
}

export async function deleteChannel(db: Db, actor: Actor, channelId: string, options: { confirmInUse?: boolean } = {}) {
  const channel = await requireChannel(db, channelId);
  const using = await flowsUsingChannel(db, channelId);
  if (using.length && !options.confirmInUse) {
    throw new DomainError("PRECONDITION_FAILED", `Used by ${using.map((flow) => `“${flow.name}”`).join(", ")}: confirm to delete it and remove it from those flows.`);
  }
  await db.transaction(async (tx) => {
    // Steps lose this channel; a step left with none is removed.
    await tx.execute(sql`update flow_steps set channel_ids = array_remove(channel_ids, ${channelId}::uuid) where ${channelId}::uuid = any(channel_ids)`);
    await tx.execute(sql`delete from flow_steps where cardinality(channel_ids) = 0`);
    // Messages already sent keep their history: a channel that has any is kept, disabled and hidden.
    await tx.update(channels).set({ enabled: false, deletedAt: new Date(), updatedAt: new Date() }).where(eq(channels.id, channelId));
    await tx.execute(sql`delete from channels where id = ${channelId}::uuid and not exists (select 1 from notifications where channel_id = ${channelId}::uuid)`);
    await recordAudit(tx, actor, { action: "channel.deleted", targetType: "channel", targetId: channelId, details: { name: channel.name, removedFromFlows: using.map((flow) => flow.name) } });
  });
  return { removedFromFlows: using };
}
