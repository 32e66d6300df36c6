import { admin, expect, signInAndWait, test } from "../fixtures";

test.describe("a sample order flows end to end", () => {
  test("the Overview button sends a signed sample order; its email and SMS arrive in the sandbox; the receipt link works", async ({ page }) => {
    await signInAndWait(page, admin.email, admin.password);
    await page.getByRole("button", { name: "Send a sample order" }).click();
    const sent = page.getByRole("status").filter({ hasText: /Sample order S-\d+ sent/ });
    await expect(sent).toBeVisible();
    const number = (await sent.textContent())!.match(/S-\d+/)![0];

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sandbox inbox" }).click();
    // The inbox refreshes itself; the dispatcher sends within seconds of the trigger.
    const emailCard = page.locator("section").filter({ hasText: `Order ${number}` }).filter({ has: page.getByTestId("sandbox-subject") });
    await expect(emailCard.getByTestId("sandbox-subject")).toContainText(number, { timeout: 30_000 });
    const sms = page.locator("section").filter({ hasText: `Order ${number}` }).getByTestId("sandbox-sms");
    await expect(sms).toContainText(number);

    const receiptUrl = (await sms.textContent())!.match(/https?:\/\/\S+\/r\/[A-Za-z0-9_-]+/)![0];
    const receipt = await page.goto(new URL(receiptUrl).pathname);
    expect(receipt?.status()).toBe(200);
    await expect(page.getByText(number).first()).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

    // The order page tells the story: both messages sent through the sandbox.
    await page.goto("/orders");
    await page.getByLabel("Search orders").fill(number);
    await page.getByRole("link", { name: number }).click();
    const messages = page.getByTestId("order-notification");
    await expect(messages).toHaveCount(2);
    await expect(messages.filter({ hasText: "sent" })).toHaveCount(2);
  });

  test("an unknown receipt token is a 404", async ({ page }) => {
    const response = await page.goto("/r/not-a-real-token-aaaaaaaaaaaaaaaaaaaaaa");
    expect(response?.status()).toBe(404);
  });
});
