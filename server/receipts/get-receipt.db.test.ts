import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { customers, orderItems, orders, stores } from "@/db/schema";
import { newReceiptToken } from "../orders/ingest-order-event";
import { ensureStore } from "../settings/store-settings";
import { createSource } from "../sources/manage-sources";
import { posOrderBody, signPosRequest } from "../sources/pos/fixtures";
import { describeWithDatabase } from "../testing/test-database";
import { triggerRequest } from "../testing/trigger-request";
import { processInboundEvent } from "../triggers/process-inbound-event";
import { receiveTrigger } from "../triggers/receive-trigger";
import { getReceipt } from "./get-receipt";

describeWithDatabase("getReceipt", (database) => {
  async function makeOrder(overrides: Partial<typeof orders.$inferInsert> = {}) {
    const { db } = database();
    const store = await ensureStore(db);
    await db
      .update(stores)
      .set({ name: "Northwind", brandColor: "#0f766e", supportEmail: "help@northwind.example", supportPhone: "+14155550100", timezone: "America/Los_Angeles", defaultLocale: "en-US" })
      .where(eq(stores.id, store.id));
    const { source } = await createSource(db, null, { kind: "pos", name: `Till ${randomUUID()}` });
    const [customer] = await db.insert(customers).values({ name: "Ada Lovelace", email: `ada.${randomUUID().slice(0, 8)}@customer.example`, phone: "+14155550132" }).returning();
    const token = newReceiptToken();
    const [order] = await db
      .insert(orders)
      .values({
        sourceId: source.id,
        externalId: randomUUID(),
        number: "#1001",
        status: "paid",
        customerId: customer!.id,
        currency: "USD",
        locale: "en-US",
        subtotal: 15800,
        discountTotal: 1580,
        taxTotal: 1138,
        shippingTotal: 499,
        total: 15857,
        deliveryEstimate: "2026-12-03",
        statusUrl: "https://shop.example/orders/1001/status",
        placedAt: new Date("2026-11-27T10:00:00Z"),
        paidAt: new Date("2026-11-27T10:00:05Z"),
        receiptToken: token,
        ...overrides,
      })
      .returning();
    await db.insert(orderItems).values([
      { orderId: order!.id, position: 1, name: "Merino Socks", variant: "M", sku: "MS-M", quantity: 2, unitPrice: 1450, lineTotal: 2900 },
      { orderId: order!.id, position: 0, name: "Trail Runner 2", variant: "Size 42 / Blue", sku: "TR2-42-BL", quantity: 1, unitPrice: 12900, lineTotal: 12900 },
    ]);
    const views = async () => (await db.select({ views: orders.receiptViews }).from(orders).where(eq(orders.id, order!.id)))[0]!.views;
    return { db, order: order!, token, customer: customer!, views };
  }

  it("shows the order formatted in its locale and the store's time zone, with the contact masked", async () => {
    const { db, token, customer } = await makeOrder();
    const receipt = await getReceipt(db, token);
    expect(receipt).toMatchObject({
      locale: "en-US",
      store: { name: "Northwind", brandColor: "#0f766e", supportEmail: "help@northwind.example", supportPhone: "+14155550100" },
      order: {
        number: "#1001",
        status: "paid",
        placedAt: expect.stringMatching(/^Nov 27, 2026, 2:00\sAM$/),
        totals: { subtotal: "$158.00", discount: "-$15.80", shipping: "$4.99", tax: "$11.38", total: "$158.57" },
        deliveryEstimate: "Thursday, December 3, 2026",
        statusUrl: "https://shop.example/orders/1001/status",
      },
      contact: { email: `a***@${customer.email!.split("@")[1]}`, phone: "+1 ••• ••• 0132" },
    });
    expect(receipt!.order.items.map((item) => [item.name, item.quantity, item.unitPrice, item.lineTotal])).toEqual([
      ["Trail Runner 2", 1, "$129.00", "$129.00"],
      ["Merino Socks", 2, "$14.50", "$29.00"],
    ]);
    expect(JSON.stringify(receipt)).not.toContain(customer.email!);
    expect(JSON.stringify(receipt)).not.toContain("4155550132");
  });

  it("counts every view, including views at the same moment", async () => {
    const { db, token, views } = await makeOrder();
    await getReceipt(db, token);
    expect(await views()).toBe(1);
    await Promise.all(Array.from({ length: 10 }, () => getReceipt(db, token)));
    expect(await views()).toBe(11);
  });

  it("finds nothing for an unknown or malformed token, and counts nothing", async () => {
    const { db, token, views } = await makeOrder();
    expect(await getReceipt(db, newReceiptToken())).toBeNull();
    // A token differing in its last character, or only in case, is another token.
    expect(await getReceipt(db, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await getReceipt(db, token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase())).toBeNull();
    for (const malformed of ["", "short", "x".repeat(500), "' or '1'='1' --------------", `${token}/../x`]) {
      expect(await getReceipt(db, malformed)).toBeNull();
    }
    expect(await views()).toBe(0);
  });

  it("formats a euro order in German, and leaves out a zero discount", async () => {
    const { db, token } = await makeOrder({ currency: "EUR", locale: "de-DE", discountTotal: 0, total: 17437 });
    const receipt = await getReceipt(db, token);
    expect(receipt!.locale).toBe("de-DE");
    expect(receipt!.order.totals).toEqual({ subtotal: "158,00\u00a0€", discount: null, shipping: "4,99\u00a0€", tax: "11,38\u00a0€", total: "174,37\u00a0€" });
    expect(receipt!.order.deliveryEstimate).toBe("Donnerstag, 3. Dezember 2026");
    expect(receipt!.order.placedAt).toBe("27.11.2026, 02:00");
    expect(receipt!.labels).toMatchObject({ receiptTitle: "Beleg zur Bestellung {number}", total: "Gesamtsumme", estimatedDelivery: "Voraussichtliche Lieferung" });
  });

  it("speaks the order's language: Japanese yen without decimals and Japanese labels; English for a language not shipped", async () => {
    const { db, token } = await makeOrder({ currency: "JPY", locale: "ja-JP", subtotal: 15800, discountTotal: 0, taxTotal: 0, shippingTotal: 0, total: 15800 });
    const receipt = await getReceipt(db, token);
    expect(receipt!.order.totals.total).toBe("￥15,800");
    expect(receipt!.labels).toMatchObject({ receiptTitle: "ご注文 {number} の領収書", total: "合計", print: "領収書を印刷" });
    const other = await makeOrder({ locale: "pt-BR" });
    expect((await getReceipt(other.db, other.token))!.labels.total).toBe("Total");
  });

  it("says when an order was cancelled or refunded, and drops a status link that is not http(s)", async () => {
    const cancelled = await makeOrder({ status: "cancelled", statusUrl: "javascript:alert(1)" });
    expect((await getReceipt(cancelled.db, cancelled.token))!.order).toMatchObject({ status: "cancelled", statusUrl: null });
    const refunded = await makeOrder({ status: "refunded" });
    expect((await getReceipt(refunded.db, refunded.token))!.order.status).toBe("refunded");
  });

  it("opens the receipt of an order that came in through a trigger", async () => {
    const { db } = database();
    const { source, generatedSecrets } = await createSource(db, null, { kind: "pos", name: `Till ${randomUUID()}` });
    const body = posOrderBody();
    const text = JSON.stringify(body);
    const answer = await receiveTrigger(db, source.id, triggerRequest(source.id, text, signPosRequest(text, generatedSecrets!.signingSecret!)));
    if (answer.processEventId) await processInboundEvent(db, answer.processEventId);
    const [order] = await db.select().from(orders).where(eq(orders.externalId, body.order.id));
    const receipt = await getReceipt(db, order!.receiptToken);
    expect(receipt!.order).toMatchObject({ number: body.order.number, status: "paid", totals: { total: "$158.57" } });
    expect(receipt!.contact).toEqual({ email: "a***@customer.example", phone: "+1 ••• ••• 0132" });
  });
});
