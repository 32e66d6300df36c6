import { randomBytes } from "node:crypto";
import { posOrderBody, signPosRequest } from "../../server/sources/pos/fixtures";
import { AdminApi, type CreatedSource, waitForOrder } from "../support/admin-api";
import { admin, expect, signInAndWait, signOut, test, uniqueEmail } from "../fixtures";

test.describe("templates", () => {
  test("edit the Spanish SMS with a live preview, publish it, and a Spanish-speaking customer's sample order gets it", async ({ page }) => {
    const marker = `Hola-${randomBytes(3).toString("hex")}`;
    await signInAndWait(page, admin.email, admin.password);
    await page.goto("/templates");
    await page.getByLabel("Search templates").fill("es");
    await page.getByTestId("template-row-sms-es").getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: "Order confirmation" })).toBeVisible();

    const preview = page.getByTestId("preview-sms");
    const count = page.getByTestId("sms-count");
    await expect(preview).toContainText("¡gracias! Pedido #1001 confirmado");
    const before = await count.textContent();

    const message = page.getByLabel("Message", { exact: true });
    await message.fill(`${marker}: tu pedido {{ order.number }} ya va en camino. {{ order.receipt_url }}`);
    await expect(preview).toContainText(`${marker}: tu pedido #1001 ya va en camino.`);
    await expect(count).not.toHaveText(before!);
    await expect(count).toContainText("1 segment ·");
    await expect(page.getByTestId("sms-encoding")).toHaveText("GSM-7");

    // A curly apostrophe makes it UCS-2: the editor says so and what it costs.
    await message.fill(`${marker}: tu pedido {{ order.number }} ya va en camino’ {{ order.receipt_url }} {{ order.receipt_url }}`);
    await expect(page.getByTestId("sms-encoding")).toHaveText("UCS-2");
    await expect(page.getByTestId("sms-encoding-warning")).toContainText("from GSM-7 to UCS-2 because of “’”");

    // A typo is shown with its line and column while typing, and saving is refused.
    await message.fill(`${marker}\n{{ order.nmber }}`);
    await expect(page.getByTestId("template-problem")).toContainText("unknown variable “order.nmber” on line 2, column 4. Did you mean “order.number”?");
    await page.getByRole("button", { name: "Save version" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "on line 2, column 4" }).first()).toBeVisible();

    await message.fill(`${marker}: tu pedido {{ order.number }} ya va en camino. {{ order.receipt_url }}`);
    await expect(page.getByTestId("template-problem")).toHaveCount(0);
    await page.getByRole("button", { name: "Save and publish" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Saved and published as v\d+/ })).toBeVisible();
    await expect(page.getByTestId(/template-version-\d+/).filter({ hasText: "Live" })).toContainText("Admin");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await page.getByLabel("Customer's language").selectOption("es-ES");
    await page.getByRole("button", { name: "Send a sample order" }).click();
    const sent = page.getByRole("status").filter({ hasText: /Sample order S-\d+ sent/ });
    await expect(sent).toBeVisible();
    const number = (await sent.textContent())!.match(/S-\d+/)![0];

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sandbox inbox" }).click();
    const sms = page.locator("section").filter({ hasText: `Order ${number}` }).getByTestId("sandbox-sms");
    await expect(sms).toContainText(`${marker}: tu pedido ${number} ya va en camino.`, { timeout: 30_000 });
    // The email of the same order is in Spanish too.
    await expect(page.locator("section").filter({ hasText: `Order ${number}` }).getByTestId("sandbox-subject")).toContainText(`Pedido ${number} confirmado`);
  });

  test("an item named like a script stays inert in the template preview and on the order page", async ({ page, request }) => {
    const api = await AdminApi.signIn();
    const created = await api.mutate<CreatedSource>("sources.create", { kind: "pos", name: `Hostile ${Date.now()}` });
    const payload = posOrderBody();
    payload.order.items[0]!.name = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    const body = JSON.stringify(payload);
    expect((await request.post(new URL(created.source.triggerUrl).pathname, { data: Buffer.from(body), headers: signPosRequest(body, created.generatedSecrets!.signingSecret!) })).status()).toBe(200);
    const { order } = await waitForOrder(api, payload.order.id);
    await api.dispose();

    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInAndWait(page, admin.email, admin.password);
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByText("<script>alert(1)</script><img src=x onerror=alert(2)>").first()).toBeVisible();

    await page.goto("/templates");
    await page.getByTestId("template-row-crm-en").getByRole("link").click();
    await page.getByLabel("Preview with order").fill(order.number);
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByTestId("preview-note")).toContainText("<script>alert(1)</script>");
    await page.goto("/templates");
    await page.getByTestId("template-row-email-en").getByRole("link").click();
    await page.getByLabel("Preview with order").fill(order.number);
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByText(`Order ${order.number}`, { exact: true })).toBeVisible();
    const frame = page.frameLocator('iframe[title^="Email preview"]');
    await expect(frame.getByText("<script>alert(1)</script><img src=x onerror=alert(2)>")).toBeVisible();
    expect(dialogs).toEqual([]);
  });

  test("an agent is refused the templates page", async ({ page }) => {
    await signInAndWait(page, admin.email, admin.password);
    const agent = { email: uniqueEmail("tpl-agent"), password: "agent-password-123456" };
    await page.goto("/users");
    await page.getByLabel("Email").fill(agent.email);
    await page.getByLabel("Role", { exact: true }).selectOption("agent");
    await page.getByLabel("Password").fill(agent.password);
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByTestId(`user-row-${agent.email}`)).toBeVisible();
    await signOut(page);

    await signInAndWait(page, agent.email, agent.password);
    expect((await page.goto("/templates"))?.status()).toBe(403);
    expect((await page.goto("/templates/00000000-0000-4000-8000-000000000000"))?.status()).toBe(403);
  });
});
