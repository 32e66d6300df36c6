import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { seedUser } from "../testing/seed-users";
import { describeWithDatabase } from "../testing/test-database";
import { exportOrdersCsv, spreadsheetSafe } from "./export-orders-csv";
import { placeOrder, setUpDesk } from "./testing/support-fixtures";

describeWithDatabase("CSV export of the orders list", (database) => {
  it("streams every matching order, batch after batch, newest first, and records the export", async () => {
    const { db } = database();
    const desk = await setUpDesk(db);
    const placed: Array<Awaited<ReturnType<typeof placeOrder>>> = [];
    for (let index = 0; index < 5; index++) placed.push(await placeOrder(db, desk.source.id, { name: `=cmd|' /C calc'!A${index}`, email: `csv-${index}@example.com`, phone: "+14155550140" }));
    await placeOrder(db, (await setUpDesk(db)).source.id, { name: "Elsewhere", email: "elsewhere@example.com" });

    const user = await seedUser(db, "agent");
    const csv = await new Response(await exportOrdersCsv(db, { id: user.id, email: user.email }, { source: desk.source.id }, { batchSize: 2 })).text();
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual(expect.arrayContaining(["Order", "Email", "Phone", "Confirmation"]));
    const body = rows.slice(1);
    expect(body.map((row) => row[0])).toEqual(placed.map((order) => order.number).reverse());
    // A formula in a name is neutralised; a phone number stays a phone number.
    expect(body[0]![9]).toMatch(/^'=cmd/);
    expect(body[0]![11]).toBe("+14155550140");
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "orders.exported"));
    expect(audit).toMatchObject({ actorId: user.id, details: { filters: { source: desk.source.id } } });
  });

  it("keeps plain values plain and guards formula-like cells", () => {
    expect(spreadsheetSafe("+14155550132")).toBe("+14155550132");
    expect(spreadsheetSafe("-12.50")).toBe("-12.50");
    expect(spreadsheetSafe("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(spreadsheetSafe("@mention")).toBe("'@mention");
    expect(spreadsheetSafe("Ada")).toBe("Ada");
  });
});
