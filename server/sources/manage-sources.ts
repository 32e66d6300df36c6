import { randomBytes, randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type Source, sourceKinds, sources } from "@/db/schema";
import { type Actor, recordAudit } from "../audit/record-audit";
import { DomainError } from "../errors";
import { getStore } from "../settings/store-settings";
import { adapterFor } from "./registry";
import { openSourceSecrets, sealSourceSecrets } from "./source-secrets";
import { triggerUrlOf } from "./trigger-url";

export const createSourceInput = z.object({
  kind: z.enum(sourceKinds, { error: "Choose a platform." }),
  name: z.string().trim().min(1, "Give the source a name.").max(100, "Use at most 100 characters."),
  secrets: z.record(z.string(), z.string().trim()).default({}),
  config: z.record(z.string(), z.string().trim()).default({}),
});

export const updateSourceInput = z.object({
  sourceId: z.uuid(),
  name: z.string().trim().min(1, "Give the source a name.").max(100).optional(),
  enabled: z.boolean().optional(),
  config: z.record(z.string(), z.string().trim()).optional(),
});

export const rotateSourceSecretsInput = z.object({
  sourceId: z.uuid(),
  /** New values for the secrets to replace; fields left out keep their value. */
  secrets: z.record(z.string(), z.string().trim()).default({}),
  /** Generate new values for the generated secrets (the POS signing secret). */
  regenerate: z.boolean().default(false),
});

export type SourceView = {
  id: string;
  kind: Source["kind"];
  name: string;
  enabled: boolean;
  triggerUrl: string;
  config: Record<string, unknown>;
  /** Which secrets are set: their values never leave the server. */
  secretsSet: Record<string, boolean>;
  setupSteps: string[];
  createdAt: Date;
};

function emptyToUndefined(values: Record<string, string>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value === "" ? undefined : value]));
}

/** Validates with the adapter's schema; errors are reported on `secrets.<field>` / `config.<field>`. */
function validateWith<T>(schema: z.ZodType<T>, value: unknown, prefix: "secrets" | "config"): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DomainError("BAD_REQUEST", issue.message, [prefix, ...issue.path].join("."));
  }
  return result.data;
}

function generatedSecret(): string {
  return randomBytes(32).toString("hex");
}

export function viewOf(source: Source): SourceView {
  const adapter = adapterFor(source.kind);
  let secrets: Record<string, string | undefined> = {};
  try {
    secrets = openSourceSecrets(source.id, source.secretsEncrypted);
  } catch {
    secrets = {}; // shown as "not set": an APP_SECRET change makes them unreadable and they must be re-entered
  }
  const triggerUrl = triggerUrlOf(source.id);
  return {
    id: source.id,
    kind: source.kind,
    name: source.name,
    enabled: source.enabled,
    triggerUrl,
    config: source.config,
    secretsSet: Object.fromEntries(adapter.secretFields.map((field) => [field.name, Boolean(secrets[field.name])])),
    setupSteps: adapter.setupSteps(triggerUrl),
    createdAt: source.createdAt,
  };
}

export async function createSource(db: Db, actor: Actor, input: z.input<typeof createSourceInput>) {
  const { kind, name, secrets: given, config: givenConfig } = createSourceInput.parse(input);
  const adapter = adapterFor(kind);
  const secrets = emptyToUndefined(given);
  const generated: Record<string, string> = {};
  for (const field of adapter.secretFields) {
    if (field.generated && !secrets[field.name]) secrets[field.name] = generated[field.name] = generatedSecret();
  }
  const validSecrets = validateWith(adapter.secretsSchema, secrets, "secrets");
  const config = validateWith(adapter.configSchema, emptyToUndefined(givenConfig), "config");
  const store = await getStore(db);
  const id = randomUUID();
  const source = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(sources)
      .values({ id, storeId: store.id, kind, name, secretsEncrypted: sealSourceSecrets(id, validSecrets), config: config as Record<string, unknown> })
      .returning();
    await recordAudit(tx, actor, { action: "source.created", targetType: "source", targetId: id, details: { kind, name } });
    return created!;
  });
  return { source: viewOf(source), generatedSecrets: Object.keys(generated).length ? generated : null };
}

export async function listSources(db: Db): Promise<SourceView[]> {
  const rows = await db.select().from(sources).orderBy(asc(sources.createdAt));
  return rows.map(viewOf);
}

export async function findSource(db: Db, sourceId: string): Promise<Source | null> {
  if (!z.uuid().safeParse(sourceId).success) return null;
  const [source] = await db.select().from(sources).where(eq(sources.id, sourceId));
  return source ?? null;
}

async function requireSource(db: Db, sourceId: string): Promise<Source> {
  const source = await findSource(db, sourceId);
  if (!source) throw new DomainError("NOT_FOUND", "No such source.");
  return source;
}

export async function updateSource(db: Db, actor: Actor, input: z.input<typeof updateSourceInput>): Promise<SourceView> {
  const { sourceId, name, enabled, config } = updateSourceInput.parse(input);
  const source = await requireSource(db, sourceId);
  const adapter = adapterFor(source.kind);
  const nextConfig = config ? (validateWith(adapter.configSchema, emptyToUndefined(config), "config") as Record<string, unknown>) : source.config;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (name !== undefined && name !== source.name) changes.name = { from: source.name, to: name };
  if (enabled !== undefined && enabled !== source.enabled) changes.enabled = { from: source.enabled, to: enabled };
  if (config && JSON.stringify(nextConfig) !== JSON.stringify(source.config)) changes.config = { from: source.config, to: nextConfig };
  if (Object.keys(changes).length === 0) return viewOf(source);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(sources)
      .set({ name: name ?? source.name, enabled: enabled ?? source.enabled, config: nextConfig, updatedAt: new Date() })
      .where(eq(sources.id, sourceId))
      .returning();
    const action = Object.keys(changes).length === 1 && changes.enabled ? (enabled ? "source.enabled" : "source.disabled") : "source.updated";
    await recordAudit(tx, actor, { action, targetType: "source", targetId: sourceId, details: { name: updated!.name, changes } });
    return viewOf(updated!);
  });
}

/** Replaces some or all secrets; the old values are never returned. Generated secrets are shown once. */
export async function rotateSourceSecrets(db: Db, actor: Actor, input: z.input<typeof rotateSourceSecretsInput>) {
  const { sourceId, secrets: given, regenerate } = rotateSourceSecretsInput.parse(input);
  const source = await requireSource(db, sourceId);
  const adapter = adapterFor(source.kind);
  let current: Record<string, string | undefined> = {};
  try {
    current = openSourceSecrets(source.id, source.secretsEncrypted);
  } catch {
    current = {};
  }
  const replacing = Object.fromEntries(Object.entries(emptyToUndefined(given)).filter(([, value]) => value !== undefined));
  const generated: Record<string, string> = {};
  if (regenerate) {
    for (const field of adapter.secretFields) if (field.generated) replacing[field.name] = generated[field.name] = generatedSecret();
  }
  const known = new Set(adapter.secretFields.map((field) => field.name));
  const unknown = Object.keys(replacing).filter((key) => !known.has(key));
  if (unknown.length) throw new DomainError("BAD_REQUEST", `Unknown secret ${unknown.join(", ")} for a ${adapter.label} source.`, "secrets");
  if (Object.keys(replacing).length === 0) throw new DomainError("BAD_REQUEST", "Enter a new value for at least one secret.", "secrets");
  const next = validateWith(adapter.secretsSchema, { ...current, ...replacing }, "secrets");
  await db.transaction(async (tx) => {
    await tx.update(sources).set({ secretsEncrypted: sealSourceSecrets(source.id, next), updatedAt: new Date() }).where(eq(sources.id, source.id));
    await recordAudit(tx, actor, {
      action: "source.secrets_rotated",
      targetType: "source",
      targetId: source.id,
      details: { name: source.name, fields: Object.keys(replacing) },
    });
  });
  return { generatedSecrets: Object.keys(generated).length ? generated : null };
}
