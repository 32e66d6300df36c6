import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { describeWithDatabase } from "../testing/test-database";
import { runDispatchPass } from "../dispatch/run-dispatch-pass";
import { listOrders } from "./list-orders";
import { exactOrderIds, partialCustomerIds, searchTermsOf } from "./order-search";
import { placeOrder, setUpDesk } from "./testing/support-fixtures";

describeWithDatabase("orders list: search, filters and keyset pages", (database) => {
  let ada: Awaited<ReturnType<typeof placeOrder>>;
  let grace: Awaited<ReturnType<typeof placeOrder>>;
  let held: Awaited<ReturnType<typeof placeOrder>>;
  let sourceId: string;
  let otherSourceId: string;

  it("sets up orders", async () => {
    const { db } = database();
    const desk = await setUpDesk(db);
    const other = await setUpDesk(db);
    sourceId = desk.source.id;
    otherSourceId = other.source.id;
    ada = await placeOrder(db, sourceId, { name: "Ada Lovelace", email: "Ada.Lovelace@Example.com", phone: "+14155550132" }, { number: "#512345" });
    grace = await placeOrder(db, otherSourceId, { name: "Grace Hopper", email: "grace@navy.example", phone: "+15125550199" });
    held = await placeOrder(db, sourceId, { name: "Nobody Reachable", email: "not an email", phone: "12" });
    expect(held.flags).toContain("needs_contact");
    // A customer whose phone contains the digits of Ada's order number must not match a number search.
    await placeOrder(db, otherSourceId, { name: "Digits Person", email: "digits@example.com", phone: "+1512345 0000".replace(" ", "") });
  });

  const numbersOf = async (input: Parameters<typeof listOrders>[1]) => (await listOrders(database().db, input)).items.map((item) => item.number).sort();

  it("finds an order by its number with or without #, and by the platform's id", async () => {
    expect(await numbersOf({ search: "#512345" })).toEqual(["#512345"]);
    expect(await numbersOf({ search: "512345" })).toEqual(["#512345"]);
    expect(await numbersOf({ search: ada.externalId })).toEqual(["#512345"]);
  });

  it("finds a customer's orders by whole or partial email, partial name, and phone typed any way", async () => {
    expect(await numbersOf({ search: "ada.lovelace@example.com" })).toEqual(["#512345"]);
    expect(await numbersOf({ search: "LOVELACE@exam" })).toEqual(["#512345"]);
    expect(await numbersOf({ search: "hopp" })).toEqual([grace.number]);
    expect(await numbersOf({ search: "(415) 555-0132" })).toEqual(["#512345"]);
    expect(await numbersOf({ search: "415.555.0132" })).toEqual(["#512345"]);
    expect(await numbersOf({ search: "+1 512 555 0199" })).toEqual([grace.number]);
  });

  it("answers odd input with an empty result, never an error", async () => {
    for (const odd of ["\u0000", "a\u0000b", "%", "_", "'; drop table orders; --", "\\", "x".repeat(200), "#", "@", "   "]) {
      await expect(listOrders(database().db, { search: odd }), JSON.stringify(odd)).resolves.toMatchObject({ items: expect.any(Array) });
    }
    expect(await numbersOf({ search: "%" })).toEqual([]);
  });

  it("filters by status, source, held, confirmation, channel and date range", async () => {
    const { db } = database();
    expect(await numbersOf({ source: otherSourceId })).toHaveLength(2);
    expect(await numbersOf({ confirmation: "held" })).toEqual([held.number]);
    expect(await numbersOf({ confirmation: "pending" })).toHaveLength(3);
    await runDispatchPass(db, { workerId: "search-test" });
    expect(await numbersOf({ confirmation: "pending" })).toEqual([]);
    expect(await numbersOf({ confirmation: "sent" })).toHaveLength(3);
    expect(await numbersOf({ status: "refunded" })).toEqual([]);
    expect(await numbersOf({ from: "2000-01-01", to: "2000-12-31" })).toEqual([]);
    expect((await numbersOf({ from: "2000-01-01" })).length).toBe(4);
    const [sms] = rowsOf<{ id: string }>(await db.execute(sql`select id from channels where name = 'Sandbox SMS'`));
    expect(await numbersOf({ channel: sms!.id })).toHaveLength(3);
    const list = await listOrders(db, { search: "#512345" });
    expect(list.items[0]).toMatchObject({ confirmation: "sent", firstSentAt: expect.any(Date) });
  });

  it("pages by keyset forwards and back without repeating or skipping an order", async () => {
    const { db } = database();
    for (let index = 0; index < 4; index++) await placeOrder(db, sourceId, { name: `Page ${index}`, email: `page-${index}@example.com` });
    const all = (await listOrders(db, { pageSize: 100 })).items.map((item) => item.id);
    expect(all).toHaveLength(8);
    const first = await listOrders(db, { pageSize: 3 });
    const second = await listOrders(db, { pageSize: 3, cursor: first.nextCursor! });
    const third = await listOrders(db, { pageSize: 3, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((item) => item.id)).toEqual(all);
    expect(third.nextCursor).toBeNull();
    expect(first.prevCursor).toBeNull();
    const back = await listOrders(db, { pageSize: 3, cursor: second.prevCursor!, direction: "prev" });
    expect(back.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
    expect(back.prevCursor).toBeNull();
    expect(first.total).toBe(8);
    await expect(listOrders(db, { cursor: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("can answer every kind of search from an index, without reading all orders or customers", async () => {
    const { db } = database();
    const kinds = {
      number: exactOrderIds(searchTermsOf("#512345", "US")),
      email: exactOrderIds(searchTermsOf("ada.lovelace@example.com", "US")),
      phone: exactOrderIds(searchTermsOf("(415) 555-0132", "US")),
      partial: partialCustomerIds("lovel"),
    };
    for (const [kind, query] of Object.entries(kinds)) {
      const plan = await db.transaction(async (tx) => {
        // On a handful of rows the planner rightly prefers reading the table; forbidding that shows whether an index can serve.
        await tx.execute(sql`set local enable_seqscan = off`);
        return rowsOf<{ "QUERY PLAN": string }>(await tx.execute(sql`explain ${query}`)).map((row) => row["QUERY PLAN"]).join("\n");
      });
      expect(plan, kind).not.toMatch(/Seq Scan on (orders|customers)/);
    }
  });
});
