import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/min";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { type Customer, customers, orders } from "@/db/schema";
import { type Actor, recordAudit } from "../audit/record-audit";
import { DomainError, isUniqueViolation } from "../errors";
import { planNotifications } from "../flows/plan-notifications";
import { getStore } from "../settings/store-settings";
import { contactDetailsOf, hasAnyContact } from "./contact-details";
import { staffReason } from "./resend-notification";

type Messenger = "whatsapp" | "telegram" | "line" | "viber" | "messenger";

/** Left out: unchanged. Empty: removed. */
const optionalValue = (max: number) => z.string().trim().max(max).optional();

export const updateContactInput = z.object({
  orderId: z.uuid(),
  email: optionalValue(254),
  /** Any format; stored as E.164, read with the store's country unless it starts with +. */
  phone: optionalValue(40),
  messengerIds: z.object({ whatsapp: optionalValue(200), telegram: optionalValue(200), line: optionalValue(200), viber: optionalValue(200), messenger: optionalValue(200) }).optional(),
  reason: staffReason,
});

type ContactSnapshot = { email: string | null; phone: string | null } & Record<Messenger, string | null>;

function snapshotOf(customer: Customer | undefined): ContactSnapshot {
  return {
    email: customer?.email ?? null,
    phone: customer?.phone ?? null,
    whatsapp: customer?.whatsappId ?? null,
    telegram: customer?.telegramId ?? null,
    line: customer?.lineId ?? null,
    viber: customer?.viberId ?? null,
    messenger: customer?.messengerId ?? null,
  };
}

function validated(input: z.infer<typeof updateContactInput>, defaultCountry: string): Partial<ContactSnapshot> {
  const changes: Partial<ContactSnapshot> = {};
  if (input.email !== undefined) {
    const email = input.email.toLowerCase();
    if (email && !z.email().safeParse(email).success) throw new DomainError("BAD_REQUEST", `"${input.email}" is not a valid email address.`, "email");
    changes.email = email || null;
  }
  if (input.phone !== undefined) {
    if (input.phone) {
      const parsed = parsePhoneNumberFromString(input.phone, defaultCountry as CountryCode);
      if (!parsed?.isValid()) throw new DomainError("BAD_REQUEST", `"${input.phone}" is not a valid phone number for ${defaultCountry}; give other countries with their + code.`, "phone");
      changes.phone = parsed.number;
    } else changes.phone = null;
  }
  for (const [key, value] of Object.entries(input.messengerIds ?? {}) as Array<[Messenger, string | undefined]>) {
    if (value !== undefined) changes[key] = value || null;
  }
  return changes;
}

/**
 * Corrects the order's customer's contact details (email syntax, E.164 phone, messenger ids), keeping the
 * old and new values in the audit log. On an order held for contact it lifts the flag and, when nothing
 * else holds it back, plans its confirmations: under the order's row lock, and planned once per trigger,
 * so two agents fixing the same order at once release it exactly once.
 */
export async function updateContact(db: Db, actor: NonNullable<Actor>, input: z.input<typeof updateContactInput>) {
  const parsed = updateContactInput.parse(input);
  const store = await getStore(db);
  const changes = validated(parsed, store.defaultCountry);
  if (Object.keys(changes).length === 0) throw new DomainError("BAD_REQUEST", "Change at least one contact detail.");
  try {
    return await db.transaction(async (tx) => {
      const [order] = await tx.select().from(orders).where(eq(orders.id, parsed.orderId)).for("update");
      if (!order) throw new DomainError("NOT_FOUND", "No such order.");
      const [existing] = order.customerId ? await tx.select().from(customers).where(eq(customers.id, order.customerId)).for("update") : [];
      if (changes.email) {
        const [other] = await tx
          .select({ id: customers.id, name: customers.name })
          .from(customers)
          .where(and(sql`lower(${customers.email}) = ${changes.email}`, ...(existing ? [ne(customers.id, existing.id)] : [])));
        if (other) throw new DomainError("CONFLICT", `Another customer${other.name ? ` (${other.name})` : ""} already has ${changes.email}: open their customer page, or use another address.`, "email");
      }
      const before = snapshotOf(existing);
      const after = { ...before, ...changes };
      const values = {
        email: after.email,
        phone: after.phone,
        whatsappId: after.whatsapp,
        telegramId: after.telegram,
        lineId: after.line,
        viberId: after.viber,
        messengerId: after.messenger,
        updatedAt: new Date(),
      };
      let customerId = existing?.id;
      if (existing) await tx.update(customers).set(values).where(eq(customers.id, existing.id));
      else customerId = (await tx.insert(customers).values(values).returning({ id: customers.id }))[0]!.id;

      const contact = contactDetailsOf(
        { email: after.email, phone: after.phone, messengerIds: { whatsapp: after.whatsapp ?? undefined, telegram: after.telegram ?? undefined, line: after.line ?? undefined, viber: after.viber ?? undefined, messenger: after.messenger ?? undefined } },
        order.shippingAddress?.country ?? null,
        store.defaultCountry,
      );
      const flags = order.flags.includes("needs_contact") && hasAnyContact(contact) ? order.flags.filter((flag) => flag !== "needs_contact") : order.flags;
      const now = new Date();
      const [updated] = await tx.update(orders).set({ customerId, flags, updatedAt: now }).where(eq(orders.id, order.id)).returning();
      const released = order.flags.includes("needs_contact") && !flags.includes("needs_contact");
      const planned = released && flags.length === 0 && updated!.status === "paid" ? await planNotifications(tx, { order: updated!, trigger: "order_paid", contact, country: order.shippingAddress?.country ?? null, now }) : 0;

      const changed = (Object.keys(changes) as Array<keyof ContactSnapshot>).filter((key) => before[key] !== after[key]);
      await recordAudit(tx, actor, {
        action: "order.contact_updated",
        targetType: "order",
        targetId: order.id,
        details: {
          number: order.number,
          customerId,
          before: Object.fromEntries(changed.map((key) => [key, before[key]])),
          after: Object.fromEntries(changed.map((key) => [key, after[key]])),
          released,
          planned,
          reason: parsed.reason,
        },
      });
      return { customerId: customerId!, flags, released, planned, contact: after };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", "Another customer already has this email address.", "email");
    throw error;
  }
}
