import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { type Channel, channels, deliveryStatusEvents, notifications, providerMessageParts } from "@/db/schema";
import type { DeliveryUpdate } from "../channels/channel-provider";
import { type PreparedSend, type PrepareOptions, prepareSend } from "../channel-management/prepare-send";
import { dispatchChannel } from "../flows/plan-notifications";
import { env } from "../env";
import { readLimitedBody } from "../triggers/read-limited-body";
import { queueFallback } from "./fallback";

export type StatusAnswer = { status: number; body: string; contentType: string };

const json = (status: number, value: unknown): StatusAnswer => ({ status, body: JSON.stringify(value), contentType: "application/json" });

/** The channel, prepared as for a send: its provider, checked credentials and settings, and context. */
async function preparedChannel(db: Db, channelId: string, options: PrepareOptions): Promise<PreparedSend | { ok: false; status: number; reason: string }> {
  if (!/^[0-9a-f-]{36}$/i.test(channelId)) return { ok: false, status: 404, reason: "unknown channel" };
  const [channel] = await db.select().from(channels).where(eq(channels.id, channelId));
  if (!channel) return { ok: false, status: 404, reason: "unknown channel" };
  const prepared = prepareSend(channel, options);
  if (!prepared.ok) return { ok: false, status: prepared.provider ? 401 : 404, reason: prepared.provider ? `cannot verify: ${prepared.reason}` : "unknown channel" };
  return prepared;
}

/**
 * One part of a split message reported. Once every part has reported, the message as a whole is
 * delivered, or failed with the first failed part's reason; until then nothing moves.
 */
async function settlePart(tx: DbOrTx, channel: Channel, update: DeliveryUpdate): Promise<DeliveryUpdate | "awaiting_parts" | "not_a_part"> {
  const [part] = await tx
    .select()
    .from(providerMessageParts)
    .where(and(eq(providerMessageParts.channelId, channel.id), eq(providerMessageParts.providerMessageId, update.providerMessageId)))
    .for("update");
  if (!part) return "not_a_part";
  if (update.status === "sent") return "awaiting_parts";
  await tx
    .update(providerMessageParts)
    .set({ status: update.status, reason: update.reason ?? null, reportedAt: update.at ?? new Date() })
    .where(and(eq(providerMessageParts.channelId, channel.id), eq(providerMessageParts.providerMessageId, update.providerMessageId)));
  const parts = await tx.select().from(providerMessageParts).where(eq(providerMessageParts.notificationId, part.notificationId)).for("update");
  if (parts.some((each) => each.status === null)) return "awaiting_parts";
  const [first] = await tx.select({ id: notifications.providerMessageId }).from(notifications).where(eq(notifications.id, part.notificationId));
  const failed = parts.find((each) => each.status === "failed");
  const at = parts.reduce((latest, each) => (each.reportedAt && each.reportedAt > latest ? each.reportedAt : latest), new Date(0));
  const reason = failed ? `part ${parts.indexOf(failed) + 1} of ${parts.length}: ${failed.reason ?? "not delivered"}` : undefined;
  return { providerMessageId: first?.id ?? update.providerMessageId, status: failed ? "failed" : "delivered", at, ...(reason ? { reason } : {}) };
}

/** Applies one update: sent → delivered or failed (a bounce may follow "delivered"); repeats change nothing. */
async function applyUpdate(db: Db, channel: Channel, reported: DeliveryUpdate): Promise<"applied" | "unchanged" | "unknown_message" | "awaiting_parts"> {
  return db.transaction(async (tx) => {
    const settled = await settlePart(tx, channel, reported);
    if (settled === "awaiting_parts") {
      await tx.insert(deliveryStatusEvents).values({ channelId: channel.id, providerMessageId: reported.providerMessageId, status: reported.status, reason: reported.reason ?? null, result: "awaiting_parts" });
      return "awaiting_parts";
    }
    const update = settled === "not_a_part" ? reported : settled;
    const [notification] = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.channelId, channel.id), eq(notifications.providerMessageId, update.providerMessageId)))
      .for("update");
    const record = (result: "applied" | "unchanged" | "unknown_message") =>
      tx.insert(deliveryStatusEvents).values({ channelId: channel.id, notificationId: notification?.id ?? null, providerMessageId: reported.providerMessageId, status: reported.status, reason: reported.reason ?? null, result });
    if (!notification) {
      await record("unknown_message");
      return "unknown_message";
    }
    const now = update.at ?? new Date();
    const moves =
      (update.status === "delivered" && notification.status === "sent") ||
      (update.status === "failed" && (notification.status === "sent" || notification.status === "delivered"));
    if (!moves) {
      await record("unchanged");
      return "unchanged";
    }
    const [changed] = await tx
      .update(notifications)
      .set(update.status === "delivered" ? { status: "delivered", deliveredAt: now, updatedAt: new Date() } : { status: "failed", lastError: `provider reported: ${update.reason ?? "not delivered"}`, updatedAt: new Date() })
      .where(eq(notifications.id, notification.id))
      .returning();
    // Undelivered after all: try the next channel of the step, as for a failure at send time.
    if (update.status === "failed" && changed && (await queueFallback(tx, changed, new Date()))) {
      await tx.execute(sql`select pg_notify(${dispatchChannel}, '')`);
    }
    await record("applied");
    return "applied";
  });
}

/**
 * POST /api/status/<channelId>: a provider's delivery report. Verified the provider's way (401 otherwise),
 * then each update moves its notification; unknown message ids are recorded and otherwise ignored.
 */
export async function receiveStatusCallback(db: Db, channelId: string, request: Request, options: PrepareOptions = {}): Promise<StatusAnswer> {
  const prepared = await preparedChannel(db, channelId, options);
  if (!prepared.ok) return json(prepared.status, { error: prepared.reason });
  const { channel, provider, credentials, config, context } = prepared;
  if (!provider.verifyStatusCallback || !provider.parseStatusCallback) return json(404, { error: `${provider.name} sends no delivery callbacks` });
  const read = await readLimitedBody(request);
  if (!read.ok) return json(413, { error: read.reason });
  const url = `${env().APP_URL}/api/status/${channel.id}${new URL(request.url).search}`;
  const callback = { url, method: request.method, headers: request.headers, body: read.body };
  const verdict = await provider.verifyStatusCallback(callback, credentials, config, context);
  if (!verdict.ok) return json(401, { error: verdict.reason });
  let updates: DeliveryUpdate[];
  try {
    updates = await provider.parseStatusCallback(callback, credentials, config, context);
  } catch (error) {
    return json(400, { error: `unreadable callback: ${context.secrets.redact((error as Error).message)}` });
  }
  const results = [];
  for (const update of updates) results.push(await applyUpdate(db, channel, update));
  if (provider.statusCallbackResponse) return provider.statusCallbackResponse;
  return json(200, {
    received: updates.length,
    applied: results.filter((result) => result === "applied").length,
    unknown: results.filter((result) => result === "unknown_message").length,
    ...(results.includes("awaiting_parts") ? { awaitingParts: results.filter((result) => result === "awaiting_parts").length } : {}),
  });
}

/** GET /api/status/<channelId>: a provider's subscription handshake (WhatsApp, Messenger). */
export async function answerVerificationChallenge(db: Db, channelId: string, request: Request): Promise<StatusAnswer> {
  const prepared = await preparedChannel(db, channelId, {});
  if (!prepared.ok || !prepared.provider.verificationChallenge) return json(404, { error: "unknown channel" });
  const answer = prepared.provider.verificationChallenge(new URL(request.url).searchParams, prepared.credentials, prepared.config);
  return answer === null ? json(403, { error: "verification token does not match" }) : { status: 200, body: answer, contentType: "text/plain" };
}
