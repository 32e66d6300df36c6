import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Notification, channels } from "@/db/schema";
import { providerFor as registeredProvider } from "../channels/registry";
import { claimDueNotifications, releaseClaims } from "./claim-notifications";
import { type DispatchDeps, type DispatchOutcome, dispatchNotification } from "./dispatch-notification";
import { Semaphore } from "./semaphore";

export type DispatchCounts = { claimed: number; sent: number; retried: number; failed: number; fellBack: number; deferred: number; cancelled: number; released: number; durationMs: number };

export type DispatchPassOptions = {
  workerId?: string;
  batchSize?: number;
  /** How long a claim lasts; must be well beyond the longest provider timeout. */
  leaseMs?: number;
  /** Stop claiming new batches after this long (the cron route's time box). */
  maxDurationMs?: number;
  /** Sends in flight at once, all channels together. */
  concurrency?: number;
  /** Set when the process is stopping: in-flight sends finish, the rest of the batch is released. */
  stopping?: () => boolean;
} & Partial<Omit<DispatchDeps, "workerId">>;

const channelLimits = new Map<string, Semaphore>();

/** Per-channel concurrency, shared by every pass in this process. */
function channelSemaphore(channelId: string, limit: number): Semaphore {
  let semaphore = channelLimits.get(channelId);
  if (!semaphore) channelLimits.set(channelId, (semaphore = new Semaphore(limit)));
  else semaphore.setLimit(limit);
  return semaphore;
}

const tally: Record<DispatchOutcome, keyof DispatchCounts | null> = {
  sent: "sent",
  retrying: "retried",
  failed: "failed",
  fell_back: "fellBack",
  deferred: "deferred",
  cancelled: "cancelled",
  lost_claim: null,
};

/**
 * One dispatch pass: claims due notifications in batches and sends them, until nothing is due, the time
 * box is used up, or the process is stopping. Safe to run in any number of processes at once.
 */
export async function runDispatchPass(db: Db, options: DispatchPassOptions = {}): Promise<DispatchCounts> {
  const started = Date.now();
  const workerId = options.workerId ?? `pass-${randomUUID()}`;
  const deps: DispatchDeps = { workerId, providerFor: options.providerFor ?? registeredProvider, fetch: options.fetch, cache: options.cache, random: options.random };
  const counts: DispatchCounts = { claimed: 0, sent: 0, retried: 0, failed: 0, fellBack: 0, deferred: 0, cancelled: 0, released: 0, durationMs: 0 };
  const batchSize = options.batchSize ?? 50;
  const overall = new Semaphore(options.concurrency ?? 8);
  const stopping = options.stopping ?? (() => false);
  const timeUp = () => options.maxDurationMs !== undefined && Date.now() - started >= options.maxDurationMs;

  while (!stopping() && !timeUp()) {
    const batch = await claimDueNotifications(db, { limit: batchSize, leaseMs: options.leaseMs ?? 120_000, workerId });
    if (!batch.length) break;
    counts.claimed += batch.length;
    const notStarted = new Set(batch.map((row) => row.id));
    await Promise.all(
      batch.map(async (row: Notification) => {
        const releaseOverall = await overall.acquire();
        const releaseChannel = await channelSemaphore(row.channelId, await channelConcurrency(db, row.channelId, deps)).acquire();
        try {
          if (stopping()) return; // left in notStarted: given back below
          notStarted.delete(row.id);
          const outcome = await dispatchNotification(db, row, deps);
          const field = tally[outcome];
          if (field) counts[field]++;
        } catch (error) {
          // An unexpected error (the database went away…): the claim's lease expires and another pass retries.
          console.error(`Dispatching notification ${row.id} failed:`, error);
        } finally {
          releaseChannel();
          releaseOverall();
        }
      }),
    );
    if (notStarted.size) counts.released += await releaseClaims(db, [...notStarted], workerId);
  }
  counts.durationMs = Date.now() - started;
  return counts;
}

const concurrencyCache = new Map<string, { limit: number; at: number }>();

async function channelConcurrency(db: Db, channelId: string, deps: DispatchDeps): Promise<number> {
  const cached = concurrencyCache.get(channelId);
  if (cached && Date.now() - cached.at < 10_000) return cached.limit;
  const [channel] = await db.select({ provider: channels.provider, maxConcurrency: channels.maxConcurrency }).from(channels).where(eq(channels.id, channelId));
  const limit = channel?.maxConcurrency ?? (channel ? deps.providerFor(channel.provider)?.defaultConcurrency : undefined) ?? 4;
  concurrencyCache.set(channelId, { limit, at: Date.now() });
  return limit;
}
