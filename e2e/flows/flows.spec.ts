import { admin, expect, signInAndWait, test } from "../fixtures";

test.describe("flows", () => {
  test("the default flow exists; a manager creates a flow with a fallback chain and conditions", async ({ page }) => {
    await signInAndWait(page, admin.email, admin.password);
    await page.goto("/flows");
    await expect(page.getByRole("link", { name: "Customer order confirmation" })).toBeVisible();

    await page.getByRole("link", { name: "New flow" }).click();
    const name = `VIP alert ${Date.now()}`;
    await page.getByLabel("Flow name").fill(name);
    await page.getByLabel("Total at least (USD)").fill("250");
    const step = page.getByTestId("flow-step-0");
    await step.getByLabel("Send through").selectOption({ label: "Sandbox SMS (sms)" });
    await step.getByLabel("If that fails, then").selectOption({ label: "Sandbox email (email)" });
    await step.getByLabel("Delay (minutes)").fill("5");
    await page.getByRole("button", { name: "Create flow" }).click();

    await expect(page).toHaveURL(/\/flows$/);
    const card = page.locator("section").filter({ hasText: name });
    await expect(card).toContainText("through Sandbox SMS, then Sandbox email, 5 min after");
    await card.getByRole("link", { name }).click();
    await expect(page.getByLabel("Total at least (USD)")).toHaveValue("250.00");

    await page.getByLabel("Flow name").fill("");
    await page.getByRole("button", { name: "Save flow" }).click();
    await expect(page.getByText("Give the flow a name.")).toBeVisible();
  });
});
