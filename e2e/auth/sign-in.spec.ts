import { admin, expect, signIn, signInAndWait, signOut, test, uniqueEmail } from "../fixtures";

test.describe("sign-in", () => {
  test("a visitor is sent to the sign-in page from any dashboard page", async ({ page }) => {
    await page.goto("/users");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("heading", { name: "Sign in to Orderbell" })).toBeVisible();
  });

  test("a wrong password shows an error and keeps the visitor out", async ({ page }) => {
    await signIn(page, admin.email, "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("repeated failures are throttled, even when the right password follows", async ({ page }) => {
    const email = uniqueEmail("victim");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, email, `guess-${attempt}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
    }
    await signIn(page, email, "guess-6");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many failed sign-in attempts. Try again in 15 minutes.");
  });

  test("the admin signs in with the keyboard alone and signs out", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByLabel("Email")).toBeFocused();
    await page.keyboard.type(admin.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(admin.password);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await signOut(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("every section of the dashboard is reachable from the navigation", async ({ page }) => {
    await signInAndWait(page, admin.email, admin.password);
    const nav = page.getByRole("navigation", { name: "Main" }).first();
    for (const [label, heading] of [
      ["Orders", "Orders"],
      ["Templates", "Templates"],
      ["Channels", "Channels"],
      ["Sources", "Sources"],
      ["Flows", "Flows"],
      ["Inbound events", "Inbound events"],
      ["Audit log", "Audit log"],
      ["Users", "Users"],
      ["Settings", "Settings"],
      ["Overview", "Overview"],
    ]) {
      await nav.getByRole("link", { name: label, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    }
  });
});
