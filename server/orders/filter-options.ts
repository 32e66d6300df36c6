import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { channels, sources } from "@/db/schema";

/** Names for the orders list's source and channel filters: what every staff role may see of them. */
export async function listFilterOptions(db: Db) {
  const [sourceRows, channelRows] = await Promise.all([
    db.select({ id: sources.id, name: sources.name, kind: sources.kind }).from(sources).orderBy(asc(sources.name)),
    db.select({ id: channels.id, name: channels.name, kind: channels.kind, deletedAt: channels.deletedAt }).from(channels).orderBy(asc(channels.name)),
  ]);
  return { sources: sourceRows, channels: channelRows.map(({ deletedAt, ...channel }) => ({ ...channel, name: deletedAt ? `${channel.name} (deleted)` : channel.name })) };
}
