import { admin, expect, signInAndWait, signOut, test, uniqueEmail } from "../fixtures";

test.describe("templates", () => {
  test("a manager sees each template previewed with a sample order; an agent is refused", async ({ page }) => {
    await signInAndWait(page, admin.email, admin.password);
    await page.goto("/templates");
    await expect(page.getByRole("heading", { level: 2, name: /Order confirmation/ }).first()).toBeVisible();
    // The SMS preview says how it will be billed.
    await expect(page.getByText(/characters · \d+ segments?/).first()).toBeVisible();
    await expect(page.getByText(/GSM-7|UCS-2/).first()).toBeVisible();

    const agent = { email: uniqueEmail("tpl-agent"), password: "agent-password-123456" };
    await page.goto("/users");
    await page.getByLabel("Email").fill(agent.email);
    await page.getByLabel("Role", { exact: true }).selectOption("agent");
    await page.getByLabel("Password").fill(agent.password);
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByTestId(`user-row-${agent.email}`)).toBeVisible();
    await signOut(page);

    await signInAndWait(page, agent.email, agent.password);
    const response = await page.goto("/templates");
    expect(response?.status()).toBe(403);
  });
});
