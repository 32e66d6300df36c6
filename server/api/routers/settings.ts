import { storeSettingsInput } from "@/lib/validation/store-settings";
import { getStore, settingsOf, updateStoreSettings } from "../../settings/store-settings";
import { adminProcedure, createTRPCRouter, protectedProcedure } from "../trpc";

export const settingsRouter = createTRPCRouter({
  /** What every page needs to show times and money: the store's name, time zone, locale and currency. */
  display: protectedProcedure.query(async ({ ctx }) => {
    const store = await getStore(ctx.db);
    return { name: store.name, timezone: store.timezone, locale: store.defaultLocale, currency: store.currency, brandColor: store.brandColor };
  }),
  get: adminProcedure.query(async ({ ctx }) => settingsOf(await getStore(ctx.db))),
  update: adminProcedure.input(storeSettingsInput).mutation(({ ctx, input }) => updateStoreSettings(ctx.db, ctx.user, input)),
});
