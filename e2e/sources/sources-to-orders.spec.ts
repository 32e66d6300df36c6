import { posOrderBody, signPosRequest } from "../../server/sources/pos/fixtures";
import { admin, expect, signInAndWait, test } from "../fixtures";

test.describe("sources, orders and inbound events in the dashboard", () => {
  test("an admin adds a POS source, a signed order arrives, and support finds it", async ({ page, request }) => {
    await signInAndWait(page, admin.email, admin.password);
    await page.goto("/sources");
    const name = `Front till ${Date.now()}`;
    await page.getByLabel("Platform").selectOption("pos");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Add source" }).click();

    const notice = page.getByTestId("created-source");
    await expect(notice).toBeVisible();
    const triggerUrl = (await notice.getByTestId("created-trigger-url").textContent())!.trim();
    const secret = (await page.getByTestId("generated-secret").first().textContent())!.trim();
    expect(triggerUrl).toMatch(/\/api\/triggers\/[0-9a-f-]{36}$/);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);

    const order = posOrderBody();
    const body = JSON.stringify(order);
    const response = await request.post(new URL(triggerUrl).pathname, { data: Buffer.from(body), headers: signPosRequest(body, secret) });
    expect(response.status()).toBe(200);

    // Support looks the order up by the customer's email and opens it.
    await page.goto("/orders");
    await page.getByLabel("Search orders").fill(order.order.number!);
    const row = page.getByTestId(`order-row-${order.order.number}`);
    await expect(row).toBeVisible();
    await expect(row).toContainText("$158.57");
    await row.getByRole("link", { name: order.order.number! }).click();
    await expect(page.getByRole("heading", { name: `Order ${order.order.number}` })).toBeVisible();
    await expect(page.getByRole("cell", { name: /Trail Runner 2/ })).toBeVisible();
    await expect(page.getByTestId("order-notification")).toHaveCount(2);

    // The request is in the inbound events, with its payload and no signature header.
    await page.goto("/inbound-events");
    await page.getByLabel("Source").selectOption({ label: name });
    const eventRow = page.locator("[data-testid^=inbound-event-]").first();
    await expect(eventRow).toContainText("Accepted");
    await eventRow.getByRole("link").first().click();
    await expect(page.getByTestId("inbound-event-payload")).toContainText(order.event_id);
    await expect(page.getByText("x-orderbell-signature")).toHaveCount(0);
  });

  test("a wrong secret shows up as a rejected event, and replay after the fix creates the order", async ({ page, request }) => {
    await signInAndWait(page, admin.email, admin.password);
    await page.goto("/sources");
    const name = `Replay till ${Date.now()}`;
    await page.getByLabel("Platform").selectOption("pos");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Add source" }).click();
    const triggerUrl = (await page.getByTestId("created-trigger-url").textContent())!.trim();

    const order = posOrderBody();
    const body = JSON.stringify(order);
    const refused = await request.post(new URL(triggerUrl).pathname, { data: Buffer.from(body), headers: signPosRequest(body, "f".repeat(64)) });
    expect(refused.status()).toBe(401);

    await page.goto("/inbound-events");
    await page.getByLabel("Source").selectOption({ label: name });
    await page.getByLabel("Outcome").selectOption("rejected");
    const eventRow = page.locator("[data-testid^=inbound-event-]").first();
    await expect(eventRow).toContainText("signature does not match");
    await eventRow.getByRole("link").first().click();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Replay" }).click();
    await expect(page.getByTestId("replay-result")).toContainText(/accepted/i);
    await page.getByRole("link", { name: "View the order" }).click();
    await expect(page.getByRole("heading", { name: `Order ${order.order.number}` })).toBeVisible();
  });
});
