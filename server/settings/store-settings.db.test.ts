import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { describeWithDatabase } from "../testing/test-database";
import { getStore, settingsOf, updateStoreSettings } from "./store-settings";

const valid = {
  name: "Corner Shop",
  brandColor: "#112233",
  logoUrl: "https://shop.example/logo.png",
  supportEmail: "help@shop.example",
  supportPhone: "020 7946 0958",
  defaultLocale: "en-GB",
  timezone: "Europe/London",
  currency: "gbp",
  defaultCountry: "gb",
  deliveryLeadTimeDays: "4",
};

describeWithDatabase("store settings", (database) => {
  it("saves valid settings, normalised, and audits each changed field", async () => {
    const { db } = database();
    const saved = await updateStoreSettings(db, null, valid);
    expect(saved).toMatchObject({ currency: "GBP", defaultCountry: "GB", supportPhone: "+442079460958", deliveryLeadTimeDays: 4 });
    expect(settingsOf(await getStore(db))).toEqual(saved);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "settings.updated"));
    expect(entry?.details).toMatchObject({ changes: { name: { from: "My Store", to: "Corner Shop" }, timezone: { from: "UTC", to: "Europe/London" } } });
  });

  it("refuses invalid settings with a message per field and changes nothing", async () => {
    const { db } = database();
    const before = settingsOf(await getStore(db));
    const attempt = updateStoreSettings(db, null, { ...valid, timezone: "Mars/Olympus", currency: "XYZW", supportPhone: "12" });
    await expect(attempt).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["timezone"] }),
        expect.objectContaining({ path: ["currency"] }),
      ]),
    });
    expect(settingsOf(await getStore(db))).toEqual(before);
  });

  it("writes no audit entry when nothing changed", async () => {
    const { db } = database();
    const count = async () => (await db.select().from(auditLog).where(eq(auditLog.action, "settings.updated"))).length;
    const before = await count();
    await updateStoreSettings(db, null, valid);
    expect(await count()).toBe(before);
  });
});
