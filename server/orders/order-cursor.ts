import { type SQL, sql } from "drizzle-orm";
import { orders } from "@/db/schema";
import { DomainError } from "../errors";

/** A row's place in the list: created_at in microseconds since the epoch, and its id to break ties. */
export type OrderPosition = { micros: string; id: string };

export function encodeCursor(position: OrderPosition): string {
  return Buffer.from(`${position.micros}.${position.id}`).toString("base64url");
}

export function decodeCursor(cursor: string): OrderPosition {
  const [micros, id] = Buffer.from(cursor, "base64url").toString("utf8").split(".");
  if (!micros || !/^\d{1,20}$/.test(micros) || !id || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new DomainError("BAD_REQUEST", "This page link is not valid any more: start again from the first page.", "cursor");
  }
  return { micros, id };
}

/** Rows after the position in the list's order (desc: older ones; asc: newer ones), through the (created_at, id) indexes. */
export function keysetAfter(position: OrderPosition, order: "asc" | "desc"): SQL {
  const at = sql`(timestamptz 'epoch' + ${position.micros}::bigint * interval '1 microsecond')`;
  return order === "desc"
    ? sql`(${orders.createdAt}, ${orders.id}) < (${at}, ${position.id}::uuid)`
    : sql`(${orders.createdAt}, ${orders.id}) > (${at}, ${position.id}::uuid)`;
}
