import { randomBytes } from "node:crypto";
import { type Page, expect, test as base } from "@playwright/test";
import { e2eAdmin } from "./support/e2e-settings";

export { expect };
export const admin = e2eAdmin;

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@e2e.example`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndWait(page: Page, email: string, password: string) {
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page.getByRole("heading", { name: "Sign in to Orderbell" })).toBeVisible();
}

/** Calls a tRPC query with the page's cookies, as the dashboard would. */
export async function trpcQuery(page: Page, path: string, input: unknown = {}) {
  const query = encodeURIComponent(JSON.stringify({ json: input }));
  return page.request.get(`/api/trpc/${path}?input=${query}`);
}

export const test = base;
