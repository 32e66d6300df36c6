import { randomUUID } from "node:crypto";
import { eq, isNull, and } from "drizzle-orm";
import type { Db } from "@/db/client";
import { channels, flowSteps, flows, stores, templateVersions, templates } from "@/db/schema";
import { recordAudit } from "../audit/record-audit";
import { sealChannelCredentials } from "../channel-management/channel-credentials";
import { ensureStore } from "../settings/store-settings";
import { defaultTemplates } from "../templates/default-templates";

export const defaultFlowName = "Customer order confirmation";

/**
 * What a new install needs so a test order flows end to end with no credentials: two sandbox channels
 * (email and SMS, recorded in the database), the default templates and the default flow. Runs once per
 * store: deleting the flow later does not bring it back at the next start.
 */
export async function seedDefaults(db: Db): Promise<boolean> {
  const store = await ensureStore(db);
  if (store.defaultsSeededAt) return false;
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

    const templateIds: Record<"email" | "sms", string> = { email: randomUUID(), sms: randomUUID() };
    for (const kind of ["email", "sms"] as const) {
      const content = defaultTemplates[kind];
      const versionId = randomUUID();
      await tx.insert(templates).values({ id: templateIds[kind], name: content.name, channelKind: kind, locale: store.defaultLocale });
      await tx.insert(templateVersions).values({ id: versionId, templateId: templateIds[kind], version: 1, subject: content.subject, body: content.body });
      await tx.update(templates).set({ liveVersionId: versionId }).where(eq(templates.id, templateIds[kind]));
    }

    const [flow] = await tx.insert(flows).values({ name: defaultFlowName, trigger: "order_paid", conditions: {}, position: 0 }).returning();
    await tx.insert(flowSteps).values([
      { flowId: flow!.id, position: 0, channelIds: [channelIds.email], templateId: templateIds.email, audience: "customer" },
      { flowId: flow!.id, position: 1, channelIds: [channelIds.sms], templateId: templateIds.sms, audience: "customer" },
    ]);
    await recordAudit(tx, null, { action: "setup.defaults_created", targetType: "store", targetId: store.id, details: { channels: ["Sandbox email", "Sandbox SMS"], flow: defaultFlowName } });
    return true;
  });
}
