import { desc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { customers } from "@/db/schema";
import type { ContactDetails } from "./contact-details";
import type { OrderEventCustomer } from "./order-event";

/**
 * Finds or creates the customer: by email (one customer per address, enforced by a unique index so two
 * concurrent orders cannot make two), else by phone, else a new customer. Known details are kept when
 * an order omits them; new ones are added.
 */
export async function upsertCustomer(tx: Tx, customer: OrderEventCustomer, contact: ContactDetails): Promise<string | null> {
  const ids = contact.messengerIds;
  const values = {
    name: customer.name?.trim() || null,
    phone: contact.phone,
    locale: customer.locale ?? null,
    marketingConsent: customer.marketingConsent ?? false,
    whatsappId: ids.whatsapp ?? null,
    telegramId: ids.telegram ?? null,
    lineId: ids.line ?? null,
    viberId: ids.viber ?? null,
    messengerId: ids.messenger ?? null,
  };
  if (contact.email) {
    const result = await tx.execute(sql`
      insert into customers (email, name, phone, locale, marketing_consent, whatsapp_id, telegram_id, line_id, viber_id, messenger_id)
      values (${contact.email}, ${values.name}, ${values.phone}, ${values.locale}, ${values.marketingConsent}, ${values.whatsappId},
              ${values.telegramId}, ${values.lineId}, ${values.viberId}, ${values.messengerId})
      on conflict (lower(email)) where email is not null do update set
        name = coalesce(excluded.name, customers.name),
        phone = coalesce(excluded.phone, customers.phone),
        locale = coalesce(excluded.locale, customers.locale),
        marketing_consent = excluded.marketing_consent or customers.marketing_consent,
        whatsapp_id = coalesce(excluded.whatsapp_id, customers.whatsapp_id),
        telegram_id = coalesce(excluded.telegram_id, customers.telegram_id),
        line_id = coalesce(excluded.line_id, customers.line_id),
        viber_id = coalesce(excluded.viber_id, customers.viber_id),
        messenger_id = coalesce(excluded.messenger_id, customers.messenger_id),
        updated_at = now()
      returning id`);
    return rowsOf<{ id: string }>(result)[0]!.id;
  }
  if (contact.phone) {
    const [existing] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.phone, contact.phone)).orderBy(desc(customers.updatedAt)).limit(1);
    if (existing) {
      await tx.update(customers).set({ ...withoutNulls(values), updatedAt: new Date() }).where(eq(customers.id, existing.id));
      return existing.id;
    }
  }
  if (!contact.phone && !Object.keys(ids).length && !values.name) return null;
  const [created] = await tx.insert(customers).values(values).returning({ id: customers.id });
  return created!.id;
}

function withoutNulls<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null)) as Partial<T>;
}
