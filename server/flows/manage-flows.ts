import { asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { audiences, channels, flowSteps, flowTriggers, flows, sources, templates } from "@/db/schema";
import { templateFitsChannel, templateKindFor, templateKindLabel } from "@/lib/templates/template-kinds";
import { type Actor, recordAudit } from "../audit/record-audit";
import { DomainError } from "../errors";
import { getStore } from "../settings/store-settings";
import { pickByLocale } from "../templates/template-locale";
import { flowConditionsSchema } from "./flow-conditions";

export const flowStepInput = z
  .object({
    id: z.uuid().optional(),
    channelIds: z.array(z.uuid()).min(1, "Choose at least one channel.").max(5, "Use at most five channels in a fallback chain."),
    templateId: z.uuid().nullable().default(null),
    delaySeconds: z.number().int().min(0, "The delay cannot be negative.").max(30 * 86_400, "Use a delay of at most 30 days.").default(0),
    audience: z.enum(audiences).default("customer"),
    internalRecipient: z.string().trim().max(500).nullable().default(null),
  })
  .refine((step) => step.audience !== "internal" || Boolean(step.internalRecipient), {
    message: "Say where internal alerts go (a channel id or an address).",
    path: ["internalRecipient"],
  });

export const flowInput = z.object({
  name: z.string().trim().min(1, "Give the flow a name.").max(100, "Use at most 100 characters."),
  trigger: z.enum(flowTriggers),
  enabled: z.boolean().default(true),
  conditions: flowConditionsSchema.default({}),
  steps: z.array(flowStepInput).min(1, "Add at least one step.").max(10, "Use at most ten steps."),
});
export type FlowInput = z.input<typeof flowInput>;

export async function listFlows(db: Db) {
  const rows = await db.select().from(flows).orderBy(asc(flows.position), asc(flows.createdAt));
  const steps = rows.length ? await db.select().from(flowSteps).where(inArray(flowSteps.flowId, rows.map((flow) => flow.id))).orderBy(asc(flowSteps.position)) : [];
  return rows.map((flow) => ({ ...flow, steps: steps.filter((step) => step.flowId === flow.id) }));
}

export async function getFlow(db: Db, flowId: string) {
  const [flow] = await db.select().from(flows).where(eq(flows.id, flowId));
  if (!flow) throw new DomainError("NOT_FOUND", "No such flow.");
  const steps = await db.select().from(flowSteps).where(eq(flowSteps.flowId, flowId)).orderBy(asc(flowSteps.position));
  return { ...flow, steps };
}

/**
 * What the flow editor offers: channels, templates and sources to pick from. A template is offered once per
 * name and kind, whatever its languages: each message picks the language of its order (see chooseTemplate).
 */
export async function flowOptions(db: Db) {
  const [channelRows, templateRows, sourceRows, store] = await Promise.all([
    db.select({ id: channels.id, name: channels.name, kind: channels.kind, provider: channels.provider, enabled: channels.enabled }).from(channels).where(isNull(channels.deletedAt)).orderBy(asc(channels.name)),
    db.select({ id: templates.id, name: templates.name, channelKind: templates.channelKind, locale: templates.locale }).from(templates).orderBy(asc(templates.name), asc(templates.locale)),
    db.select({ id: sources.id, name: sources.name, kind: sources.kind }).from(sources).orderBy(asc(sources.name)),
    getStore(db),
  ]);
  const families = new Map<string, typeof templateRows>();
  for (const template of templateRows) {
    const key = `${template.name}\u0000${templateKindFor(template.channelKind)}`;
    families.set(key, [...(families.get(key) ?? []), template]);
  }
  const templateOptions = [...families.values()].map((family) => {
    const shown = pickByLocale(family, [store.defaultLocale, "en"]) ?? family[0]!;
    return { id: shown.id, name: shown.name, channelKind: templateKindFor(shown.channelKind), locale: shown.locale, locales: family.map((template) => template.locale), ids: family.map((template) => template.id) };
  });
  return { channels: channelRows, templates: templateOptions, sources: sourceRows };
}

/**
 * Every channel and template a step names must exist, and a step's template must be of the kind its
 * channels take: an SMS channel cannot send the email template. A step without a template sends each
 * channel's own kind, so it may mix kinds in its fallback chain.
 */
async function checkReferences(tx: Tx, input: z.output<typeof flowInput>) {
  const channelIds = [...new Set(input.steps.flatMap((step) => step.channelIds))];
  const found = await tx.select({ id: channels.id, name: channels.name, kind: channels.kind }).from(channels).where(inArray(channels.id, channelIds));
  if (found.length !== channelIds.length) throw new DomainError("BAD_REQUEST", "A step names a channel that does not exist.", "steps");
  const templateIds = [...new Set(input.steps.map((step) => step.templateId).filter((id): id is string => Boolean(id)))];
  const foundTemplates = templateIds.length ? await tx.select({ id: templates.id, name: templates.name, channelKind: templates.channelKind }).from(templates).where(inArray(templates.id, templateIds)) : [];
  if (foundTemplates.length !== templateIds.length) throw new DomainError("BAD_REQUEST", "A step names a template that does not exist.", "steps");
  for (const [index, step] of input.steps.entries()) {
    const template = foundTemplates.find((candidate) => candidate.id === step.templateId);
    if (!template) continue;
    const kind = templateKindFor(template.channelKind);
    for (const channelId of step.channelIds) {
      const channel = found.find((candidate) => candidate.id === channelId)!;
      if (templateFitsChannel(kind, channel.kind)) continue;
      const wanted = templateKindLabel[templateKindFor(channel.kind)];
      throw new DomainError(
        "BAD_REQUEST",
        `Step ${index + 1}: the template “${template.name}” is for ${templateKindLabel[kind]}, but the channel “${channel.name}” sends ${wanted}. Choose a template for ${wanted}, or “Each channel's own template” so every channel of the step uses a template of its kind.`,
        `steps.${index}.templateId`,
      );
    }
  }
}

/** Replaces a flow's steps, keeping the ids of steps that stay so planned notifications keep their key. */
async function writeSteps(tx: Tx, flowId: string, steps: z.output<typeof flowInput>["steps"]) {
  const existing = await tx.select({ id: flowSteps.id }).from(flowSteps).where(eq(flowSteps.flowId, flowId));
  const kept = new Set(steps.map((step) => step.id).filter(Boolean));
  const removed = existing.filter((step) => !kept.has(step.id)).map((step) => step.id);
  if (removed.length) await tx.delete(flowSteps).where(inArray(flowSteps.id, removed));
  // Positions are unique per flow: park the kept steps out of the way before renumbering.
  for (const [index, step] of steps.entries()) {
    if (step.id && existing.some((row) => row.id === step.id)) await tx.update(flowSteps).set({ position: 1000 + index }).where(eq(flowSteps.id, step.id));
  }
  for (const [position, step] of steps.entries()) {
    const values = { channelIds: step.channelIds, templateId: step.templateId, delaySeconds: step.delaySeconds, audience: step.audience, internalRecipient: step.internalRecipient, position };
    if (step.id && existing.some((row) => row.id === step.id)) await tx.update(flowSteps).set(values).where(eq(flowSteps.id, step.id));
    else await tx.insert(flowSteps).values({ flowId, ...values });
  }
}

export async function createFlow(db: Db, actor: Actor, input: FlowInput) {
  const parsed = flowInput.parse(input);
  return db.transaction(async (tx) => {
    await checkReferences(tx, parsed);
    const [flow] = await tx.insert(flows).values({ name: parsed.name, trigger: parsed.trigger, enabled: parsed.enabled, conditions: parsed.conditions }).returning();
    await writeSteps(tx, flow!.id, parsed.steps);
    await recordAudit(tx, actor, { action: "flow.created", targetType: "flow", targetId: flow!.id, details: { name: parsed.name, trigger: parsed.trigger, steps: parsed.steps.length } });
    return flow!;
  });
}

export async function updateFlow(db: Db, actor: Actor, flowId: string, input: FlowInput) {
  const parsed = flowInput.parse(input);
  return db.transaction(async (tx) => {
    const [flow] = await tx.select().from(flows).where(eq(flows.id, flowId)).for("update");
    if (!flow) throw new DomainError("NOT_FOUND", "No such flow.");
    await checkReferences(tx, parsed);
    const [updated] = await tx
      .update(flows)
      .set({ name: parsed.name, trigger: parsed.trigger, enabled: parsed.enabled, conditions: parsed.conditions, updatedAt: new Date() })
      .where(eq(flows.id, flowId))
      .returning();
    await writeSteps(tx, flowId, parsed.steps);
    await recordAudit(tx, actor, { action: "flow.updated", targetType: "flow", targetId: flowId, details: { name: parsed.name, trigger: parsed.trigger, enabled: parsed.enabled, steps: parsed.steps.length } });
    return updated!;
  });
}

export async function deleteFlow(db: Db, actor: Actor, flowId: string) {
  await db.transaction(async (tx) => {
    const [flow] = await tx.delete(flows).where(eq(flows.id, flowId)).returning();
    if (!flow) throw new DomainError("NOT_FOUND", "No such flow.");
    await recordAudit(tx, actor, { action: "flow.deleted", targetType: "flow", targetId: flowId, details: { name: flow.name } });
  });
}
