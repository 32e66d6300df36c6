import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { stores, templateVersions, templates } from "@/db/schema";
import { DomainError } from "../errors";
import { ensureStore } from "../settings/store-settings";
import { seedDefaults } from "../startup/seed-defaults";
import { describeWithDatabase } from "../testing/test-database";
import { listTemplates } from "./list-templates";
import { previewTemplate } from "./preview-template";

const appUrl = "https://orders.northwind.example";
const now = new Date("2026-11-30T18:00:00Z");

describeWithDatabase("templates list and preview", (database) => {
  async function setup() {
    const { db } = database();
    const store = await ensureStore(db);
    await db.update(stores).set({ name: "Northwind", timezone: "America/New_York", deliveryLeadTimeDays: 3, currency: "USD" }).where(eq(stores.id, store.id));
    await seedDefaults(db);
    const list = await listTemplates(db);
    return { db, list, email: list.find((template) => template.channelKind === "email")!, sms: list.find((template) => template.channelKind === "sms")! };
  }

  it("lists the seeded templates with their live version", async () => {
    const { list } = await setup();
    expect(list.map((template) => [template.name, template.channelKind, template.locale, template.liveVersion, template.versionCount])).toEqual([
      ["Order confirmation", "email", "en-US", 1, 1],
      ["Order confirmation", "sms", "en-US", 1, 1],
    ]);
    expect(list[0]!.subject).toContain("{{ order.number }}");
    expect(list[0]!.updatedAt).toBeInstanceOf(Date);
  });

  it("previews the email with the sample order: subject, branded HTML and text", async () => {
    const { db, email } = await setup();
    const preview = await previewTemplate(db, email.id, appUrl, now);
    expect(preview).toMatchObject({ channelKind: "email", locale: "en-US", version: 1, live: true, result: { ok: true, subject: "Order #1001 confirmed — thank you, Ada!", sms: null } });
    if (!preview.result.ok) throw new Error(preview.result.error);
    expect(preview.result.html).toContain("Trail Runner 2");
    expect(preview.result.html).toContain("$158.57");
    // Three days after the sample's payment, in the store's time zone.
    expect(preview.result.text).toContain("Estimated delivery: Thursday, December 3, 2026");
    expect(preview.result.text).toContain(`${appUrl}/r/`);
  });

  it("previews the SMS with its encoding and segment count", async () => {
    const { db, sms } = await setup();
    const preview = await previewTemplate(db, sms.id, appUrl, now);
    if (!preview.result.ok) throw new Error(preview.result.error);
    expect(preview.result).toMatchObject({ subject: null, html: null, sms: { encoding: "GSM-7", segments: 1 } });
    expect(preview.result.text).toMatch(/^Northwind: order #1001 confirmed, \$158\.57\. Delivery by Thursday, December 3, 2026\. Receipt: https:\/\/orders\.northwind\.example\/r\//);

    await db.update(templateVersions).set({ body: "Спасибо, {{ customer.first_name }}! 🎉" }).where(eq(templateVersions.templateId, sms.id));
    const unicode = await previewTemplate(db, sms.id, appUrl, now);
    expect(unicode.result).toMatchObject({ ok: true, text: "Спасибо, Ada! 🎉", sms: { encoding: "UCS-2", segments: 1 } });
  });

  it("shows a broken template's error instead of failing, and refuses an unknown template", async () => {
    const { db, sms } = await setup();
    await db.update(templateVersions).set({ body: "Order {{ order.number | shout }}" }).where(eq(templateVersions.templateId, sms.id));
    const preview = await previewTemplate(db, sms.id, appUrl, now);
    expect(preview.result).toEqual({ ok: false, error: "The message has a template syntax error on line 1, column 7: undefined filter: shout." });
    await expect(previewTemplate(db, "00000000-0000-4000-8000-000000000000", appUrl)).rejects.toBeInstanceOf(DomainError);

    const [bare] = await db.insert(templates).values({ name: "Draft", channelKind: "chat", locale: "en-US" }).returning();
    expect((await previewTemplate(db, bare!.id, appUrl)).result).toEqual({ ok: false, error: "This template has no saved version yet." });
    expect((await listTemplates(db)).find((template) => template.id === bare!.id)).toMatchObject({ liveVersion: null, versionCount: 0, body: null });
  });
});
