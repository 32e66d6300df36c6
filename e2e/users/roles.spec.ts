import { admin, expect, signInAndWait, signOut, test, trpcQuery, uniqueEmail } from "../fixtures";

test.describe("users and roles", () => {
  test("an admin creates an agent, who can open neither Users nor Settings", async ({ page }) => {
    const agent = { email: uniqueEmail("agent"), password: "agent-password-123456" };

    await signInAndWait(page, admin.email, admin.password);
    await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Users" }).click();
    await page.getByLabel("Email").fill(agent.email);
    await page.getByLabel("Name").fill("Sam Support");
    await page.getByLabel("Role", { exact: true }).selectOption("agent");
    await page.getByLabel("Password").fill(agent.password);
    await page.getByRole("button", { name: "Add user" }).click();
    const row = page.getByTestId(`user-row-${agent.email}`);
    await expect(row).toBeVisible();
    await expect(row.getByLabel(`Role of ${agent.email}`)).toHaveValue("agent");
    await signOut(page);

    await signInAndWait(page, agent.email, agent.password);
    const nav = page.getByRole("navigation", { name: "Main" }).first();
    await expect(nav.getByRole("link", { name: "Orders" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);

    for (const path of ["/users", "/settings"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    }
    for (const procedure of ["users.list", "settings.get", "auditLog.list"]) {
      const response = await trpcQuery(page, procedure);
      expect(response.status(), procedure).toBe(403);
      expect(JSON.stringify(await response.json())).toContain("FORBIDDEN");
    }
  });

  test("a generated password is shown once and works; a disabled user cannot sign in", async ({ page, browser }) => {
    const email = uniqueEmail("manager");
    await signInAndWait(page, admin.email, admin.password);
    await page.goto("/users");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("manager");
    await page.getByRole("button", { name: "Add user" }).click();
    const generated = (await page.getByTestId("one-time-password").textContent())!.trim();
    expect(generated).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    const other = await browser.newContext();
    const managerPage = await other.newPage();
    await signInAndWait(managerPage, email, generated);

    await page.getByTestId(`user-row-${email}`).getByRole("button", { name: "Disable" }).click();
    await expect(page.getByTestId(`user-row-${email}`).getByText("Disabled")).toBeVisible();
    // The manager's open session ends at once, not when its token expires.
    await managerPage.reload();
    await expect(managerPage).toHaveURL(/\/sign-in/);
    await managerPage.getByLabel("Email").fill(email);
    await managerPage.getByLabel("Password").fill(generated);
    await managerPage.getByRole("button", { name: "Sign in" }).click();
    await expect(managerPage.getByRole("main").getByRole("alert")).toHaveText("This account is disabled. Ask an admin to enable it.");
    await other.close();
  });

  test("the last admin cannot be demoted", async ({ page }) => {
    await signInAndWait(page, admin.email, admin.password);
    await page.goto("/users");
    await page.getByLabel("Search users").fill(admin.email);
    const row = page.getByTestId(`user-row-${admin.email}`);
    await row.getByLabel(`Role of ${admin.email}`).selectOption("manager");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This is the last admin");
    await page.reload();
    await page.getByLabel("Search users").fill(admin.email);
    await expect(page.getByTestId(`user-row-${admin.email}`).getByLabel(`Role of ${admin.email}`)).toHaveValue("admin");
  });
});
