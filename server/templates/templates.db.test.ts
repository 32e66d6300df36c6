import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, stores, templateVersions, templates } from "@/db/schema";
import { createCaller } from "../api/root";
import { ensureStore } from "../settings/store-settings";
import { seedDefaults } from "../startup/seed-defaults";
import { seedUser } from "../testing/seed-users";
import { describeWithDatabase } from "../testing/test-database";
import { ensureDefaultTemplates } from "./ensure-default-templates";
import { listTemplates } from "./list-templates";

describeWithDatabase("templates: defaults, save, publish, roll back, compare", (database) => {
  async function setup() {
    const { db } = database();
    const store = await ensureStore(db);
    await db.update(stores).set({ name: "Northwind", timezone: "America/New_York", currency: "USD" }).where(eq(stores.id, store.id));
    await seedDefaults(db);
    const manager = await seedUser(db, "manager");
    const caller = createCaller({ db, address: null, user: { id: manager.id, email: manager.email, name: manager.name, role: "manager" } });
    const all = (await listTemplates(db, { pageSize: 200 })).items;
    const find = (kind: string, locale: string) => all.find((template) => template.channelKind === kind && template.locale === locale)!;
    return { db, manager, caller, all, find };
  }

  it("ships the order confirmation for every kind in five languages, each with version 1 live", async () => {
    const { all } = await setup();
    expect(all).toHaveLength(25);
    expect(new Set(all.map((template) => template.locale))).toEqual(new Set(["en", "es", "fr", "de", "ja"]));
    expect(new Set(all.map((template) => template.channelKind))).toEqual(new Set(["email", "sms", "messaging", "chat", "crm"]));
    expect(all.every((template) => template.liveVersion === 1 && template.versionCount === 1 && template.draftVersion === null)).toBe(true);
  });

  it("saves a version by its author without publishing it, then publishes it and rolls back, all audited", async () => {
    const { db, caller, find, manager } = await setup();
    const sms = find("sms", "es");
    const { versionId } = await caller.templates.save({ templateId: sms.id, body: "{{ store.name }}: pedido {{ order.number }} confirmado. {{ order.receipt_url }}" });
    let versions = await caller.templates.versions({ templateId: sms.id });
    expect(versions.items.map((version) => [version.version, version.live])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(versions.items[0]).toMatchObject({ id: versionId, author: { email: manager.email } });
    expect(versions.items[1]!.author).toBeNull();

    expect(await caller.templates.publish({ versionId })).toMatchObject({ version: 2, previousVersion: 1, rolledBack: false });
    versions = await caller.templates.versions({ templateId: sms.id });
    expect(versions.items.filter((version) => version.live).map((version) => version.version)).toEqual([2]);

    const first = versions.items.find((version) => version.version === 1)!;
    expect(await caller.templates.publish({ versionId: first.id })).toMatchObject({ version: 1, previousVersion: 2, rolledBack: true });
    const [row] = await db.select().from(templates).where(eq(templates.id, sms.id));
    expect(row!.liveVersionId).toBe(first.id);
    // Publishing the live version again changes nothing and records nothing.
    await caller.templates.publish({ versionId: first.id });

    const entries = await db.select().from(auditLog).where(and(eq(auditLog.targetId, sms.id)));
    expect(entries.map((entry) => entry.action).sort()).toEqual(["template.published", "template.rolled_back", "template.saved"]);
    expect(entries.find((entry) => entry.action === "template.rolled_back")).toMatchObject({ actorEmail: manager.email, details: { version: 1, previousVersion: 2, locale: "es", kind: "sms" } });
  });

  it("refuses a Liquid syntax error or an unknown variable as BAD_REQUEST with line and column, and saves nothing", async () => {
    const { db, caller, find } = await setup();
    const email = find("email", "en");
    await expect(caller.templates.save({ templateId: email.id, subject: "Order {{ order.number", body: "ok" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'The subject has a template syntax error on line 1, column 7: output "{{ order.number" not closed.',
    });
    await expect(caller.templates.save({ templateId: email.id, body: "Hi\n{{ customer.frist_name }}" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/unknown variable “customer.frist_name” on line 2, column 4\. Did you mean “customer.first_name”\?/),
    });
    await expect(caller.templates.save({ templateId: find("sms", "en").id, body: "{% if order.missing_thing %}x{% endif %}" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A render that fails with the sample order (an empty SMS) is refused before it can fail at send time.
    await expect(caller.templates.save({ templateId: find("sms", "en").id, body: "{% if customer.phone == 'x' %}hi{% endif %}" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/empty message/) });
    // Parts the kind does not have are refused, not dropped.
    await expect(caller.templates.save({ templateId: find("sms", "en").id, subject: "Hi", body: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "SMS templates have no subject." });
    expect(await db.select().from(templateVersions).where(eq(templateVersions.templateId, email.id))).toHaveLength(1);
  });

  it("keeps the parts a save leaves out, and stores the email's heading and footer", async () => {
    const { caller, find } = await setup();
    const email = find("email", "de");
    const { versionId } = await caller.templates.save({ templateId: email.id, heading: "Danke, {{ customer.name }}!", body: "Neu: {{ order.total }}" });
    const [saved] = (await caller.templates.versions({ templateId: email.id })).items;
    expect(saved).toMatchObject({ id: versionId, heading: "Danke, {{ customer.name }}!", body: "Neu: {{ order.total }}", subject: expect.stringContaining("Ihre Bestellung"), footer: expect.stringContaining("Sie erhalten diese E-Mail") });
  });

  it("compares two versions side by side", async () => {
    const { caller, find } = await setup();
    const chat = find("chat", "en");
    const [original] = (await caller.templates.versions({ templateId: chat.id })).items;
    const { versionId } = await caller.templates.save({ templateId: chat.id, body: "New order {{ order.number }}: {{ order.total }}\nPaid by {{ customer.name }}" });
    const compared = await caller.templates.compare({ fromVersionId: original!.id, toVersionId: versionId });
    expect(compared.from).toMatchObject({ version: 1, live: true });
    expect(compared.to).toMatchObject({ version: 2, live: false });
    const body = compared.parts.find((part) => part.part === "body")!;
    expect(body.changed).toBe(true);
    expect(body.rows[0]).toEqual({ left: { text: "New order {{ order.number }}: {{ order.total }}", change: "same" }, right: { text: "New order {{ order.number }}: {{ order.total }}", change: "same" } });
    expect(body.rows.some((row) => row.right?.text === "Paid by {{ customer.name }}" && row.right.change === "added")).toBe(true);
    await expect(caller.templates.compare({ fromVersionId: original!.id, toVersionId: (await caller.templates.versions({ templateId: find("sms", "en").id })).items[0]!.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("adds a language as a copy that sends nothing until it is published", async () => {
    const { caller, find } = await setup();
    const created = await caller.templates.create({ name: "Order confirmation", channelKind: "sms", locale: "es_MX", copyFromTemplateId: find("sms", "es").id });
    const editor = await caller.templates.get({ templateId: created.templateId });
    expect(editor).toMatchObject({ template: { locale: "es-MX", kind: "sms" }, live: null, version: { version: 1, live: false } });
    // A copy of the source's newest version, whatever it is now.
    const [source] = (await caller.templates.versions({ templateId: find("sms", "es").id })).items;
    expect(editor.version!.body).toBe(source!.body);
    expect(editor.languages.map((language) => language.locale)).toEqual(["de", "en", "es", "es-MX", "fr", "ja"]);
    await expect(caller.templates.create({ name: "Order confirmation", channelKind: "sms", locale: "es-MX" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.templates.create({ name: "Order confirmation", channelKind: "sms", locale: "not a locale" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lists templates by search and kind, a page at a time", async () => {
    const { caller } = await setup();
    const spanish = await caller.templates.list({ search: "es" });
    expect(spanish.items.every((template) => template.locale.startsWith("es"))).toBe(true);
    const notes = await caller.templates.list({ channelKind: "crm", pageSize: 2 });
    expect(notes).toMatchObject({ total: 5, pageCount: 3 });
    expect(notes.items.every((template) => template.channelKind === "crm")).toBe(true);
  });
});

describeWithDatabase("templates: upgrading an install that had English email and SMS only", (database) => {
  it("adds the missing kinds and languages, keeps what it had, and never adds twice", async () => {
    const { db } = database();
    await ensureStore(db);
    const legacy: Record<string, string> = {};
    for (const kind of ["email", "sms"] as const) {
      const [template] = await db.insert(templates).values({ name: "Order confirmation", channelKind: kind, locale: "en-US" }).returning();
      const [version] = await db.insert(templateVersions).values({ templateId: template!.id, version: 1, subject: null, body: `Legacy ${kind} {{ order.number }}` }).returning();
      await db.update(templates).set({ liveVersionId: version!.id }).where(eq(templates.id, template!.id));
      legacy[kind] = template!.id;
    }
    expect(await ensureDefaultTemplates(db)).toBe(23);
    expect(await ensureDefaultTemplates(db)).toBe(0);
    const all = (await listTemplates(db, { pageSize: 200 })).items;
    expect(all).toHaveLength(25);
    // en-US already speaks English for email and SMS: no "en" twin beside it, and its text is untouched.
    expect(all.filter((template) => template.channelKind === "sms" && template.locale.startsWith("en")).map((template) => template.id)).toEqual([legacy.sms]);
    const [kept] = await db.select().from(templateVersions).where(eq(templateVersions.templateId, legacy.email!));
    expect(kept!.body).toBe("Legacy email {{ order.number }}");
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "template.defaults_added"));
    expect(entry!.details).toMatchObject({ created: 23 });
  });
});
