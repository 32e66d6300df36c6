import { admin, expect, signInAndWait, test } from "../fixtures";

test.describe("settings", () => {
  test("bad values get inline errors; a saved change is in the audit log", async ({ page }) => {
    await signInAndWait(page, admin.email, admin.password);
    await page.goto("/settings");
    const name = `Shop ${Date.now()}`;

    await page.getByLabel("Store name").fill(name);
    await page.getByLabel("Brand colour", { exact: true }).fill("purple");
    await page.getByLabel("Support phone").fill("12");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Use a hex colour such as #4f46e5.")).toBeVisible();
    await expect(page.getByText(/Not a valid phone number for US/)).toBeVisible();

    await page.getByLabel("Brand colour", { exact: true }).fill("#0f766e");
    await page.getByLabel("Support phone").fill("+1 415 555 0132");
    await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Settings saved.");
    await page.reload();
    await expect(page.getByLabel("Store name")).toHaveValue(name);
    await expect(page.getByLabel("Support phone")).toHaveValue("+14155550132");

    await page.goto("/audit-log");
    await page.getByLabel("Action").selectOption("settings.updated");
    await page.getByLabel("Actor").fill(admin.email);
    const entry = page.getByRole("row").filter({ hasText: name });
    await expect(entry).toBeVisible();
    await expect(entry).toContainText(admin.email);
    await expect(entry).toContainText("settings.updated");
    // Times are shown in the store's time zone, now Asia/Tokyo.
    await expect(entry.locator("time")).toHaveAttribute("title", /Asia\/Tokyo/);
  });
});
