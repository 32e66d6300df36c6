import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, sandboxMessages, stores } from "@/db/schema";
import { createCaller } from "../api/root";
import { listChannels } from "../channel-management/manage-channels";
import { ingestOrderEvent } from "../orders/ingest-order-event";
import { ensureStore } from "../settings/store-settings";
import { createSource } from "../sources/manage-sources";
import { seedDefaults } from "../startup/seed-defaults";
import { seedUser } from "../testing/seed-users";
import { describeWithDatabase } from "../testing/test-database";
import { listTemplates } from "./list-templates";

const scriptItem = "<script>alert(1)</script>";

describeWithDatabase("template preview and test sends", (database) => {
  async function setup() {
    const { db } = database();
    const store = await ensureStore(db);
    await db.update(stores).set({ name: "Northwind", currency: "EUR", timezone: "Europe/Madrid" }).where(eq(stores.id, store.id));
    await seedDefaults(db);
    const manager = await seedUser(db, "manager");
    const caller = createCaller({ db, address: null, user: { id: manager.id, email: manager.email, name: manager.name, role: "manager" } });
    const all = (await listTemplates(db, { pageSize: 200 })).items;
    const find = (kind: string, locale: string) => all.find((template) => template.channelKind === kind && template.locale === locale)!;
    return { db, caller, find };
  }

  async function realOrder(db: ReturnType<typeof database>["db"], number: string) {
    const { source } = await createSource(db, null, { kind: "pos", name: `Till ${number}` });
    await ingestOrderEvent(db, {
      sourceId: source.id,
      trigger: "order_paid",
      event: {
        externalId: `ext-${number}`,
        number,
        paymentStatus: "paid",
        currency: "EUR",
        locale: "es-ES",
        items: [{ name: scriptItem, variant: "Talla M", sku: "X-1", quantity: 1, unitPrice: 2000, lineTotal: 2000 }],
        subtotal: 2000,
        discountTotal: 0,
        taxTotal: 0,
        shippingTotal: 0,
        total: 2000,
        customer: { name: "Lucía Martínez", email: "lucia@cliente.example", locale: "es-ES" },
      },
    });
  }

  it("previews the Spanish SMS with the sample order, its encoding and segments, and warns when a change makes it UCS-2", async () => {
    const { caller, find } = await setup();
    const sms = find("sms", "es");
    const saved = await caller.templates.preview({ templateId: sms.id });
    expect(saved).toMatchObject({ template: { kind: "sms", locale: "es" }, order: { source: "sample", number: "#1001" }, problems: [], encodingChange: null, sms: { encoding: "GSM-7" } });
    expect(saved.rendered!.text).toMatch(/^Northwind: ¡gracias! Pedido #1001 confirmado \(158,57 €\)\. Entrega prevista: .+ Recibo: http/);

    const draft = { body: "{{ store.name }}: ¡gracias! Tu pedido {{ order.number }} ya está confirmado 🎉 Recibo: {{ order.receipt_url }}" };
    const changed = await caller.templates.preview({ templateId: sms.id, draft });
    expect(changed.sms).toMatchObject({ encoding: "UCS-2", segments: 2 });
    expect(changed.encodingChange).toEqual({ from: "GSM-7", to: "UCS-2", segmentsBefore: saved.sms!.segments, segmentsAfter: 2, characters: ["á", "🎉"] });
  });

  it("shows problems with line and column while typing, and still renders what it can", async () => {
    const { caller, find } = await setup();
    const preview = await caller.templates.preview({ templateId: find("chat", "en").id, draft: { body: "New order {{ order.number }}\nfor {{ custmer.name }}" } });
    expect(preview.problems).toEqual([{ part: "body", line: 2, column: 8, message: expect.stringMatching(/unknown variable “custmer.name” on line 2, column 8\. Did you mean “customer.name”\?/) }]);
    expect(preview.rendered!.text).toBe("New order #1001\nfor");
    const broken = await caller.templates.preview({ templateId: find("chat", "en").id, draft: { body: "{% for item in order.items %}" } });
    expect(broken.rendered).toBeNull();
    expect(broken.renderError).toMatch(/syntax error on line 1, column 1/);
  });

  it("previews with a real order by number, keeping an item named like a script inert in the email", async () => {
    const { db, caller, find } = await setup();
    await realOrder(db, "#4242");
    const email = await caller.templates.preview({ templateId: find("email", "es").id, orderNumber: "4242" });
    expect(email.order).toEqual({ source: "order", number: "#4242" });
    expect(email.rendered!.html).not.toContain("<script>");
    expect(email.rendered!.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.rendered!.html).toContain("Hola, Lucía:");
    const note = await caller.templates.preview({ templateId: find("crm", "es").id, orderNumber: "#4242" });
    expect(note.rendered).toMatchObject({ html: null, subject: "Pedido #4242 confirmado (20,00 €)" });
    expect(note.rendered!.text).toContain(`- 1 × ${scriptItem} (Talla M)`);
    await expect(caller.templates.preview({ templateId: find("sms", "es").id, orderNumber: "#nope" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No order has the number “#nope”." });
  });

  it("fills an approved WhatsApp template with the order's values", async () => {
    const { caller, find } = await setup();
    const messaging = find("messaging", "es");
    const whatsapp = { name: "order_confirmation", languageCode: "es", bodyParameters: ["customer.first_name", "order.number", "order.total"], bodyText: "Hola {{1}}, tu pedido {{2}} ({{3}}) está confirmado." };
    const preview = await caller.templates.preview({ templateId: messaging.id, draft: { body: "Hola {{ customer.first_name }}", whatsapp } });
    expect(preview.whatsapp).toMatchObject({ filledBody: "Hola Ada, tu pedido #1001 (158,57\u00a0€) está confirmado.", warnings: [] });
    const { versionId } = await caller.templates.save({ templateId: messaging.id, body: "Hola {{ customer.first_name }}", whatsapp });
    expect((await caller.templates.versions({ templateId: messaging.id })).items[0]).toMatchObject({ id: versionId, whatsappTemplate: { ...whatsapp } });
    await expect(caller.templates.save({ templateId: messaging.id, body: "x", whatsapp: { ...whatsapp, bodyParameters: ["order.nope"] } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.templates.save({ templateId: find("sms", "es").id, body: "x", whatsapp })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "SMS templates have no WhatsApp template." });
  });

  it("sends a test of the draft through a channel of the template's kind, and refuses one of another kind", async () => {
    const { db, caller, find } = await setup();
    const channels = await listChannels(db);
    const sandboxSms = channels.find((channel) => channel.name === "Sandbox SMS")!;
    const sandboxEmail = channels.find((channel) => channel.name === "Sandbox email")!;
    const sms = find("sms", "es");
    const outcome = await caller.templates.sendTest({ templateId: sms.id, channelId: sandboxSms.id, to: "+34600000001", draft: { body: "Prueba {{ order.number }} para {{ customer.first_name }}" } });
    expect(outcome).toMatchObject({ ok: true });
    const [recorded] = await db.select().from(sandboxMessages).where(eq(sandboxMessages.recipient, "+34600000001"));
    expect(recorded).toMatchObject({ kind: "sms", text: "Prueba #1001 para Ada" });

    const email = await caller.templates.sendTest({ templateId: find("email", "fr").id, channelId: sandboxEmail.id, to: "test@shop.example" });
    expect(email.ok).toBe(true);
    const [sentEmail] = await db.select().from(sandboxMessages).where(eq(sandboxMessages.recipient, "test@shop.example"));
    expect(sentEmail!.subject).toBe("[Test] Votre commande #1001 est confirmée — merci Ada !");
    expect(sentEmail!.html).toContain("Voir votre reçu");

    await expect(caller.templates.sendTest({ templateId: sms.id, channelId: sandboxEmail.id, to: "x@y.example" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/needs a channel of its own kind/) });
    await expect(caller.templates.sendTest({ templateId: sms.id, channelId: sandboxSms.id, to: "+34600000002", draft: { body: "{{ order.nmber }}" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const audited = await db.select().from(auditLog).where(eq(auditLog.action, "template.test_sent"));
    expect(audited).toHaveLength(2);
  });
});
