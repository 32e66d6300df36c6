import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Channel, channels, deliveryStatusEvents, notifications } from "@/db/schema";
import type { ChannelProvider, DeliveryUpdate } from "../channels/channel-provider";
import { openChannelCredentials } from "../channels/channel-credentials";
import { providerFor } from "../channels/registry";
import { dispatchChannel } from "../flows/plan-notifications";
import { env } from "../env";
import { readLimitedBody } from "../triggers/read-limited-body";
import { queueFallback } from "./fallback";

export type StatusAnswer = { status: number; body: string; contentType: string };

const json = (status: number, value: unknown): StatusAnswer => ({ status, body: JSON.stringify(value), contentType: "application/json" });

async function channelAndProvider(db: Db, channelId: string): Promise<{ channel: Channel; provider: ChannelProvider; credentials: Record<string, unknown>; config: Record<string, unknown> } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(channelId)) return null;
  const [channel] = await db.select().from(channels).where(eq(channels.id, channelId));
  const provider = channel ? providerFor(channel.provider) : null;
  if (!channel || !provider) return null;
  let credentials: Record<string, unknown> = {};
  try {
    credentials = openChannelCredentials(channel.id, channel.credentialsEncrypted);
  } catch {
    credentials = {};
  }
  return { channel, provider, credentials, config: channel.config };
}

/** Applies one update: sent → delivered or failed (a bounce may follow "delivered"); repeats change nothing. */
async function applyUpdate(db: Db, channel: Channel, update: DeliveryUpdate): Promise<"applied" | "unchanged" | "unknown_message"> {
  return db.transaction(async (tx) => {
    const [notification] = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.channelId, channel.id), eq(notifications.providerMessageId, update.providerMessageId)))
      .for("update");
    const record = (result: "applied" | "unchanged" | "unknown_message") =>
      tx.insert(deliveryStatusEvents).values({ channelId: channel.id, notificationId: notification?.id ?? null, providerMessageId: update.providerMessageId, status: update.status, reason: update.reason ?? null, result });
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
export async function receiveStatusCallback(db: Db, channelId: string, request: Request): Promise<StatusAnswer> {
  const found = await channelAndProvider(db, channelId);
  if (!found) return json(404, { error: "unknown channel" });
  const { channel, provider, credentials, config } = found;
  if (!provider.verifyStatusCallback || !provider.parseStatusCallback) return json(404, { error: `${provider.name} sends no delivery callbacks` });
  const read = await readLimitedBody(request);
  if (!read.ok) return json(413, { error: read.reason });
  const url = `${env().APP_URL}/api/status/${channel.id}${new URL(request.url).search}`;
  const callback = { url, method: request.method, headers: request.headers, body: read.body };
  const verdict = provider.verifyStatusCallback(callback, credentials as never, config as never);
  if (!verdict.ok) return json(401, { error: verdict.reason });
  let updates: DeliveryUpdate[];
  try {
    updates = provider.parseStatusCallback(callback);
  } catch (error) {
    return json(400, { error: `unreadable callback: ${(error as Error).message}` });
  }
  const results = [];
  for (const update of updates) results.push(await applyUpdate(db, channel, update));
  if (provider.statusCallbackResponse) return provider.statusCallbackResponse;
  return json(200, { received: updates.length, applied: results.filter((result) => result === "applied").length, unknown: results.filter((result) => result === "unknown_message").length });
}

/** GET /api/status/<channelId>: a provider's subscription handshake (WhatsApp, Messenger). */
export async function answerVerificationChallenge(db: Db, channelId: string, request: Request): Promise<StatusAnswer> {
  const found = await channelAndProvider(db, channelId);
  if (!found?.provider.verificationChallenge) return json(404, { error: "unknown channel" });
  const answer = found.provider.verificationChallenge(new URL(request.url).searchParams, found.credentials as never, found.config as never);
  return answer === null ? json(403, { error: "verification token does not match" }) : { status: 200, body: answer, contentType: "text/plain" };
}
