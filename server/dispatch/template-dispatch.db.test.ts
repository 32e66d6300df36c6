import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { flows, notifications, stores } from "@/db/schema";
import type { ChannelProvider, OutboundMessage } from "../channels/channel-provider";
import { createChannel, listChannels } from "../channel-management/manage-channels";
import { providerFor } from "../channels/registry";
import { DomainError } from "../errors";
import { createFlow } from "../flows/manage-flows";
import { ingestOrderEvent } from "../orders/ingest-order-event";
import type { OrderEvent } from "../orders/order-event";
import { ensureStore } from "../settings/store-settings";
import { createSource } from "../sources/manage-sources";
import { seedDefaults } from "../startup/seed-defaults";
import { listTemplateVersions } from "../templates/list-template-versions";
import { listTemplates } from "../templates/list-templates";
import { publishTemplateVersion } from "../templates/publish-template-version";
import { saveTemplateVersion } from "../templates/save-template-version";
import { describeWithDatabase } from "../testing/test-database";
import { runDispatchPass } from "./run-dispatch-pass";

function paid(externalId: string, locale: string | null): OrderEvent {
  return {
    externalId,
    number: `#${externalId}`,
    paymentStatus: "paid",
    currency: "EUR",
    locale,
    items: [{ name: "Linen apron", variant: null, quantity: 1, unitPrice: 1900, lineTotal: 1900 }],
    subtotal: 1900,
    discountTotal: 0,
    taxTotal: 0,
    shippingTotal: 0,
    total: 1900,
    customer: { name: "Lucía Martínez", email: `${externalId}@customer.example`, phone: "+34612345678" },
  };
}

describeWithDatabase("dispatch renders the template in the order's language and records its version", (database) => {
  const sent: OutboundMessage[] = [];
  const capturing = (id: string): ChannelProvider | null => {
    const provider = providerFor(id);
    if (!provider || id !== "sandbox") return provider;
    return { ...provider, send: async (message, credentials, config, context) => (sent.push(message), provider.send(message, credentials, config, context)) };
  };

  async function setup() {
    const { db } = database();
    const store = await ensureStore(db);
    await db.update(stores).set({ defaultLocale: "fr-FR" }).where(eq(stores.id, store.id));
    await seedDefaults(db);
    await db.update(flows).set({ enabled: false });
    const { source } = await createSource(db, null, { kind: "pos", name: `Till ${Math.random()}` });
    const channels = await listChannels(db);
    const sms = channels.find((channel) => channel.name === "Sandbox SMS")!;
    const messaging = channels.find((channel) => channel.name === "Sandbox WhatsApp") ?? (await createChannel(db, null, { provider: "sandbox", kind: "messaging", name: "Sandbox WhatsApp" }));
    const templates = (await listTemplates(db, { pageSize: 200 })).items;
    const find = (kind: string, locale: string) => templates.find((template) => template.channelKind === kind && template.locale === locale)!;
    return { db, source, sms, messaging, find };
  }

  async function dispatchOrder(db: ReturnType<typeof database>["db"], sourceId: string, event: OrderEvent) {
    const { orderId } = await ingestOrderEvent(db, { sourceId, trigger: "order_paid", event });
    await runDispatchPass(db, { workerId: "templates-test", providerFor: capturing });
    return db.select().from(notifications).where(eq(notifications.orderId, orderId));
  }

  it("falls back from the order's locale to the store's default to English, and records the version sent", async () => {
    const { db, source, sms, find } = await setup();
    await createFlow(db, null, { name: `SMS ${source.id}`, trigger: "order_paid", conditions: { sourceIds: [source.id] }, steps: [{ channelIds: [sms.id], templateId: find("sms", "en").id }] });
    const spanishVersion = (await listTemplateVersions(db, { templateId: find("sms", "es").id })).items[0]!;
    const frenchVersion = (await listTemplateVersions(db, { templateId: find("sms", "fr").id })).items[0]!;

    const [mexican] = await dispatchOrder(db, source.id, paid("mx1", "es-MX"));
    expect(mexican).toMatchObject({ status: "sent", templateVersionId: spanishVersion.id });
    expect(mexican!.textBody).toContain("Pedido #mx1 confirmado");

    // No Portuguese template: the store's default (French) is next.
    const [brazilian] = await dispatchOrder(db, source.id, paid("br1", "pt-BR"));
    expect(brazilian).toMatchObject({ status: "sent", templateVersionId: frenchVersion.id });
    expect(brazilian!.textBody).toContain("commande #br1 confirmée");

    // A new published version is what the next message records; the one sent before keeps its own.
    const { versionId } = await saveTemplateVersion(db, null, { templateId: find("sms", "es").id, body: "Nuevo texto para {{ order.number }}" });
    await publishTemplateVersion(db, null, { versionId });
    const [later] = await dispatchOrder(db, source.id, paid("mx2", "es-MX"));
    expect(later).toMatchObject({ templateVersionId: versionId, textBody: "Nuevo texto para #mx2" });
    const [before] = await db.select().from(notifications).where(eq(notifications.id, mexican!.id));
    expect(before!.templateVersionId).toBe(spanishVersion.id);
  });

  it("uses English when neither the order's language nor the store's has a template", async () => {
    const { db, source, sms, find } = await setup();
    await db.update(stores).set({ defaultLocale: "it-IT" });
    await createFlow(db, null, { name: `SMS en ${source.id}`, trigger: "order_paid", conditions: { sourceIds: [source.id] }, steps: [{ channelIds: [sms.id], templateId: find("sms", "en").id }] });
    const [italian] = await dispatchOrder(db, source.id, paid("it1", "pt-PT"));
    expect(italian!.templateVersionId).toBe((await listTemplateVersions(db, { templateId: find("sms", "en").id })).items[0]!.id);
    expect(italian!.textBody).toContain("order #it1 confirmed");
    await db.update(stores).set({ defaultLocale: "fr-FR" });
  });

  it("hands the version's WhatsApp template to the provider with the order's variables", async () => {
    const { db, source, messaging, find } = await setup();
    const whatsapp = { name: "pedido_confirmado", languageCode: "es", bodyParameters: ["customer.first_name", "order.number"], bodyText: "Hola {{1}}, pedido {{2}}" };
    const { versionId } = await saveTemplateVersion(db, null, { templateId: find("messaging", "es").id, body: "Hola {{ customer.first_name }}", whatsapp });
    await publishTemplateVersion(db, null, { versionId });
    await createFlow(db, null, { name: `WA ${source.id}`, trigger: "order_paid", conditions: { sourceIds: [source.id] }, steps: [{ channelIds: [messaging.id], templateId: find("messaging", "en").id }] });
    sent.length = 0;
    const [message] = await dispatchOrder(db, source.id, paid("wa1", "es-ES"));
    expect(message).toMatchObject({ status: "sent", templateVersionId: versionId, textBody: "Hola Lucía" });
    expect(sent.map((outbound) => outbound.providerTemplate)).toEqual([{ name: "pedido_confirmado", languageCode: "es", bodyParameters: ["customer.first_name", "order.number"] }]);
    expect(sent[0]!.variables).toMatchObject({ "customer.first_name": "Lucía", "order.number": "#wa1" });
  });

  it("refuses a flow step whose template does not fit its channels, and allows mixed kinds without one", async () => {
    const { db, sms, find } = await setup();
    const emailChannel = (await listChannels(db)).find((channel) => channel.name === "Sandbox email")!;
    const refused = createFlow(db, null, { name: "Wrong kind", trigger: "order_paid", steps: [{ channelIds: [emailChannel.id] }, { channelIds: [sms.id], templateId: find("email", "en").id }] });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({
      code: "BAD_REQUEST",
      field: "steps.1.templateId",
      message: "Step 2: the template “Order confirmation” is for Email, but the channel “Sandbox SMS” sends SMS. Choose a template for SMS, or “Each channel's own template” so every channel of the step uses a template of its kind.",
    });
    await expect(createFlow(db, null, { name: "Fallback chain", trigger: "order_paid", enabled: false, steps: [{ channelIds: [emailChannel.id, sms.id] }] })).resolves.toMatchObject({ name: "Fallback chain" });
    await expect(createFlow(db, null, { name: "Right kind", trigger: "order_paid", enabled: false, steps: [{ channelIds: [sms.id], templateId: find("sms", "ja").id }] })).resolves.toMatchObject({ name: "Right kind" });
  });
});
