import { asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { stores, type Store } from "@/db/schema";
import { type StoreSettingsInput, storeSettingsInput } from "@/lib/validation/store-settings";
import { type Actor, recordAudit } from "../audit/record-audit";

/** Orderbell speaks for one store per install; it is created at first start. */
export async function ensureStore(db: DbOrTx): Promise<Store> {
  const [existing] = await db.select().from(stores).orderBy(asc(stores.createdAt)).limit(1);
  if (existing) return existing;
  const [created] = await db.insert(stores).values({ name: "My Store" }).returning();
  return created!;
}

export async function getStore(db: DbOrTx): Promise<Store> {
  return ensureStore(db);
}

const editableFields = [
  "name",
  "brandColor",
  "logoUrl",
  "supportEmail",
  "supportPhone",
  "defaultLocale",
  "timezone",
  "currency",
  "defaultCountry",
  "deliveryLeadTimeDays",
] as const;

export type StoreSettingsView = Pick<Store, (typeof editableFields)[number]>;

export function settingsOf(store: Store): StoreSettingsView {
  return Object.fromEntries(editableFields.map((field) => [field, store[field]])) as StoreSettingsView;
}

/** Validates and saves the settings; the audit entry lists each changed field with its old and new value. */
export async function updateStoreSettings(db: Db, actor: Actor, input: StoreSettingsInput): Promise<StoreSettingsView> {
  const settings = storeSettingsInput.parse(input);
  return db.transaction(async (tx) => {
    const store = await ensureStore(tx);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of editableFields) {
      if (store[field] !== settings[field]) changes[field] = { from: store[field], to: settings[field] };
    }
    if (Object.keys(changes).length === 0) return settingsOf(store);
    const [updated] = await tx.update(stores).set({ ...settings, updatedAt: new Date() }).where(eq(stores.id, store.id)).returning();
    await recordAudit(tx, actor, { action: "settings.updated", targetType: "store", targetId: store.id, details: { changes } });
    return settingsOf(updated!);
  });
}
