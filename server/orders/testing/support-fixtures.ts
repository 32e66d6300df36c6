import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { createCaller } from "@/server/api/root";
import { listChannels } from "../../channel-management/manage-channels";
import { createSource } from "../../sources/manage-sources";
import { seedDefaults } from "../../startup/seed-defaults";
import { seedUser } from "../../testing/seed-users";
import { ingestOrderEvent } from "../ingest-order-event";
import type { OrderEvent } from "../order-event";

export type Role = "admin" | "manager" | "agent";

/** A tRPC caller signed in as a fresh user of that role, exactly as the dashboard calls the API. */
export async function callerAs(db: Db, role: Role) {
  const user = await seedUser(db, role);
  return { caller: createCaller({ db, address: null, user: { id: user.id, email: user.email, name: user.name, role: user.role } }), user };
}

/** The sandbox channels and default flow of a new install, and a POS source of its own. */
export async function setUpDesk(db: Db) {
  await seedDefaults(db);
  const { source } = await createSource(db, null, { kind: "pos", name: `Desk ${randomBytes(3).toString("hex")}` });
  const all = await listChannels(db);
  return { source, sandboxEmail: all.find((channel) => channel.name === "Sandbox email")!, sandboxSms: all.find((channel) => channel.name === "Sandbox SMS")! };
}

let counter = 0;

/** Ingests a paid order; the customer's details as given (pass invalid ones to get a held order). */
export async function placeOrder(
  db: Db,
  sourceId: string,
  customer: OrderEvent["customer"],
  overrides: Partial<OrderEvent> = {},
) {
  counter += 1;
  const externalId = overrides.externalId ?? `ext-${randomBytes(5).toString("hex")}`;
  const event: OrderEvent = {
    externalId,
    number: `#${70000 + counter}${randomBytes(1).toString("hex")}`,
    paymentStatus: "paid",
    currency: "USD",
    items: [{ name: "Trail Runner 2", variant: "42 / Blue", sku: "TR2", quantity: 1, unitPrice: 12900, lineTotal: 12900 }],
    subtotal: 12900,
    discountTotal: 0,
    taxTotal: 0,
    shippingTotal: 0,
    total: 12900,
    customer,
    ...overrides,
  };
  const result = await ingestOrderEvent(db, { sourceId, trigger: "order_paid", event });
  return { ...result, number: event.number, externalId };
}
