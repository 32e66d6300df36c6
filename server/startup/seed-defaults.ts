import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { channels, flowSteps, flows, stores, templates } from "@/db/schema";
import type { TemplateKind } from "@/lib/templates/template-kinds";
import { recordAudit } from "../audit/record-audit";
import { sealChannelCredentials } from "../channel-management/channel-credentials";
import { ensureStore } from "../settings/store-settings";
import { defaultTemplateName } from "../templates/default-templates";
import { ensureDefaultTemplates } from "../templates/ensure-default-templates";
import { localePreferences, pickByLocale } from "../templates/template-locale";

export const defaultFlowName = "Customer order confirmation";

/** The default template of a kind in the store's language (else English), for the default flow's steps. */
async function defaultTemplateId(tx: DbOrTx, kind: TemplateKind, defaultLocale: string): Promise<string> {
  const candidates = await tx.select({ id: templates.id, locale: templates.locale }).from(templates).where(and(eq(templates.name, defaultTemplateName), eq(templates.channelKind, kind)));
  return pickByLocale(candidates, localePreferences({ order: { locale: null }, customer: null, store: { defaultLocale } }))!.id;
}

/**
 * What a new install needs so a test order flows end to end with no credentials: two sandbox channels
 * (email and SMS, recorded in the database), the default templates and the default flow. Runs once per
 * store: deleting the flow later does not bring it back at the next start. The shipped templates are
 * checked at every start, so an upgrade brings the kinds and languages an older install lacked.
 */
export async function seedDefaults(db: Db): Promise<boolean> {
  const store = await ensureStore(db);
  if (store.defaultsSeededAt) {
    await ensureDefaultTemplates(db);
    return false;
  }
  return db.transaction(async (tx) => {
    // Claim the seeding, so two instances starting together do not both seed.
    const [claimed] = await tx
      .update(stores)
      .set({ defaultsSeededAt: new Date() })
      .where(and(eq(stores.id, store.id), isNull(stores.defaultsSeededAt)))
      .returning({ id: stores.id });
    if (!claimed) return false;

    const channelIds = { email: randomUUID(), sms: randomUUID() };
    await tx.insert(channels).values([
      { id: channelIds.email, provider: "sandbox", name: "Sandbox email", kind: "email", credentialsEncrypted: sealChannelCredentials(channelIds.email, {}) },
      { id: channelIds.sms, provider: "sandbox", name: "Sandbox SMS", kind: "sms", credentialsEncrypted: sealChannelCredentials(channelIds.sms, {}) },
    ]);

    await ensureDefaultTemplates(tx);
    const templateIds = { email: await defaultTemplateId(tx, "email", store.defaultLocale), sms: await defaultTemplateId(tx, "sms", store.defaultLocale) };

    const [flow] = await tx.insert(flows).values({ name: defaultFlowName, trigger: "order_paid", conditions: {}, position: 0 }).returning();
    await tx.insert(flowSteps).values([
      { flowId: flow!.id, position: 0, channelIds: [channelIds.email], templateId: templateIds.email, audience: "customer" },
      { flowId: flow!.id, position: 1, channelIds: [channelIds.sms], templateId: templateIds.sms, audience: "customer" },
    ]);
    await recordAudit(tx, null, { action: "setup.defaults_created", targetType: "store", targetId: store.id, details: { channels: ["Sandbox email", "Sandbox SMS"], flow: defaultFlowName } });
    return true;
  });
}
