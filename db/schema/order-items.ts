import { bigint, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";

/** A line of an order: model/name, variant, SKU, quantity and prices in minor units. */
export const orderItems = pgTable(
  "order_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    variant: text("variant"),
    sku: text("sku"),
    quantity: integer("quantity").notNull(),
    unitPrice: bigint("unit_price", { mode: "number" }).notNull(),
    lineTotal: bigint("line_total", { mode: "number" }).notNull(),
  },
  (t) => [index("order_items_order_idx").on(t.orderId)],
);

export type OrderItem = typeof orderItems.$inferSelect;
