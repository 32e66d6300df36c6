import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { channels } from "@/db/schema";
import { providerFor } from "../channels/registry";

/** Enabled channels a message can be resent through, with their kind (stored content needs the same kind). */
export async function listResendChannels(db: Db) {
  const rows = await db
    .select({ id: channels.id, name: channels.name, kind: channels.kind, provider: channels.provider })
    .from(channels)
    .where(and(eq(channels.enabled, true), isNull(channels.deletedAt)))
    .orderBy(asc(channels.name));
  return rows.filter((row) => providerFor(row.provider) !== null);
}
