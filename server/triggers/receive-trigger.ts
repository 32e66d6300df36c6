import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { type InboundOutcome, type SignatureVerdict, type Source, inboundEvents } from "@/db/schema";
import { adapterFor } from "../sources/registry";
import { findSource } from "../sources/manage-sources";
import { parseJsonLossless } from "../sources/parse-json";
import type { SourceAdapter, TriggerRequest } from "../sources/source-adapter";
import { openSourceSecrets } from "../sources/source-secrets";
import { triggerUrlOf } from "../sources/trigger-url";
import { readLimitedBody } from "./read-limited-body";
import { safeHeaders } from "./safe-headers";

export type TriggerAnswer = {
  status: number;
  body: Record<string, unknown>;
  /** The stored event to process once the answer is sent. */
  processEventId?: string;
};

type Recorded = {
  sourceId: string | null;
  verdict: SignatureVerdict;
  outcome: InboundOutcome;
  reason: string | null;
  status: number;
  headers: Record<string, string>;
  payload: string;
  eventId?: string | null;
  topic?: string | null;
  dedupeKey?: string | null;
};

async function record(db: Db, entry: Recorded): Promise<string | null> {
  const id = randomUUID();
  const values = {
    id,
    sourceId: entry.sourceId,
    externalEventId: entry.eventId ?? null,
    dedupeKey: entry.dedupeKey ?? null,
    topic: entry.topic ?? null,
    signatureVerdict: entry.verdict,
    outcome: entry.outcome,
    reason: entry.reason,
    httpStatus: entry.status,
    headers: entry.headers,
    payload: entry.payload,
  };
  if (!entry.dedupeKey) {
    await db.insert(inboundEvents).values(values);
    return id;
  }
  // Exactly one of any number of identical deliveries claims the (source, event id) pair.
  const claimed = await db.insert(inboundEvents).values(values).onConflictDoNothing({ target: [inboundEvents.sourceId, inboundEvents.dedupeKey] }).returning({ id: inboundEvents.id });
  return claimed[0]?.id ?? null;
}

function reject(status: number, reason: string): TriggerAnswer {
  return { status, body: { error: reason } };
}

/** Every header name any adapter treats as a signature, so even an unknown source stores none. */
function allSensitiveHeaders(adapter?: SourceAdapter): string[] {
  return adapter?.sensitiveHeaders ?? [];
}

/**
 * The synchronous half of a trigger: size limit, source, signature, JSON, payload shape, and the claim
 * of the event id, each refusal recorded with its reason. What it accepts is stored before the answer
 * is sent, so nothing accepted is lost; building the order happens after (processInboundEvent).
 */
export async function receiveTrigger(db: Db, sourceId: string, request: Request): Promise<TriggerAnswer> {
  const receivedAt = new Date();
  const source: Source | null = await findSource(db, sourceId);
  const adapter = source ? adapterFor(source.kind) : undefined;
  const headers = safeHeaders(request.headers, allSensitiveHeaders(adapter));
  const base = { sourceId: source?.id ?? null, headers };

  const read = await readLimitedBody(request);
  if (!read.ok) {
    await record(db, { ...base, verdict: "not_checked", outcome: "rejected", reason: read.reason, status: 413, payload: "" });
    return reject(413, read.reason);
  }
  const payloadText = read.body.toString("utf8");
  if (!source || !adapter) {
    await record(db, { ...base, verdict: "not_checked", outcome: "rejected", reason: `no source with id ${sourceId}`, status: 404, payload: payloadText });
    return reject(404, "unknown source");
  }
  if (!source.enabled) {
    await record(db, { ...base, verdict: "not_checked", outcome: "rejected", reason: "source is disabled", status: 404, payload: payloadText });
    return reject(404, "unknown source");
  }

  const trigger: TriggerRequest = { url: triggerUrlOf(source.id) + new URL(request.url).search, headers: request.headers, body: read.body, receivedAt };
  if (adapter.isPing?.(trigger)) {
    await record(db, { ...base, verdict: "not_required", outcome: "ignored", reason: "ping: the platform is testing the URL", status: 200, payload: payloadText });
    return { status: 200, body: { status: "ok" } };
  }

  let secrets: Record<string, string | undefined>;
  try {
    secrets = openSourceSecrets(source.id, source.secretsEncrypted);
  } catch {
    const reason = "the source's secrets cannot be decrypted (was APP_SECRET changed?); re-enter them on the Sources page";
    await record(db, { ...base, verdict: "not_checked", outcome: "rejected", reason, status: 500, payload: payloadText });
    return reject(500, "source misconfigured");
  }

  const verdict = adapter.verify(trigger, secrets, source.config);
  if (!verdict.ok) {
    const missing = /missing/i.test(verdict.reason);
    await record(db, { ...base, verdict: missing ? "missing" : "invalid", outcome: "rejected", reason: verdict.reason, status: 401, payload: payloadText });
    return reject(401, "invalid signature");
  }

  let payload: unknown;
  try {
    payload = parseJsonLossless(payloadText);
  } catch (error) {
    const reason = `malformed JSON: ${(error as Error).message}`;
    await record(db, { ...base, verdict: "valid", outcome: "rejected", reason, status: 400, payload: payloadText });
    return reject(400, reason);
  }
  const { eventId, topic } = adapter.identify(trigger, payload);
  const problem = adapter.validate ? await adapter.validate(payload, topic) : null;
  if (problem) {
    await record(db, { ...base, verdict: "valid", outcome: "rejected", reason: problem, status: 422, payload: payloadText, eventId, topic });
    return reject(422, problem);
  }

  const claimedId = await record(db, { ...base, verdict: "valid", outcome: "received", reason: null, status: 200, payload: payloadText, eventId, topic, dedupeKey: eventId });
  if (!claimedId) {
    await record(db, { ...base, verdict: "valid", outcome: "duplicate", reason: `event ${eventId} was already received`, status: 200, payload: payloadText, eventId, topic });
    return { status: 200, body: { status: "duplicate" } };
  }
  return { status: 200, body: { status: "received", id: claimedId }, processEventId: claimedId };
}
