import type { Page } from "@playwright/test";
import { startFakeResend } from "../../server/channels/resend/fake";
import { startFakeSlack } from "../../server/channels/slack/fake";
import { startFakeTwilio } from "../../server/channels/twilio/fake";
import { admin, expect, signInAndWait, test } from "../fixtures";

const resendKey = "re_e2e_valid_key_123";
const twilio = { accountSid: `AC${"0123456789abcdef".repeat(2)}`, authToken: "e2e0a1b2c3d4e5f60718293a4b5c6d7e" };
const slackToken = "xoxb-e2e-0000-bot-token";

/** Opens the add form for a provider from the catalogue and fills name, fields and the base URL of a local fake. */
async function addChannel(page: Page, provider: { id: string; name: string }, name: string, fields: Record<string, string>, baseUrl: string) {
  await page.getByLabel("Search providers").fill(provider.name);
  await page.getByTestId(`provider-${provider.id}`).getByRole("button", { name: `Add ${provider.name}` }).click();
  await page.getByLabel("Channel name").fill(name);
  for (const [label, value] of Object.entries(fields)) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.evaluate((element) => element.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByText("Advanced", { exact: true }).click();
  await page.getByLabel("Base URL").fill(baseUrl);
  await page.getByRole("button", { name: "Save channel" }).click();
}

async function sendTest(page: Page, name: string, to: string) {
  const card = page.locator("[data-testid^=channel-]").filter({ hasText: name });
  await expect(card).toBeVisible();
  await card.getByLabel("Send a test to").fill(to);
  await card.getByRole("button", { name: "Send test" }).click();
  return card.getByTestId("test-result");
}

test.describe("channels", () => {
  test("an admin sets up an email, an SMS and a chat channel against local fakes and sends a test through each", async ({ page }) => {
    const resend = await startFakeResend({ apiKey: resendKey });
    const twilioFake = await startFakeTwilio(twilio);
    const slack = await startFakeSlack({ botToken: slackToken, webhookPaths: [] });
    try {
      await signInAndWait(page, admin.email, admin.password);
      await page.goto("/channels");
      const suffix = Date.now();

      await addChannel(page, { id: "resend", name: "Resend" }, `Resend ${suffix}`, { "API key": resendKey, "From address": "orders@shop.example", "From name": "Shop" }, resend.url);
      const email = await sendTest(page, `Resend ${suffix}`, "ada@customer.example");
      await expect(email).toContainText("Sent — provider id");
      expect(resend.sent.at(-1)?.body).toMatchObject({ to: ["ada@customer.example"] });

      await addChannel(page, { id: "twilio", name: "Twilio" }, `Twilio ${suffix}`, { "Account SID": twilio.accountSid, "Auth Token": twilio.authToken, "Sender number": "+15005550006" }, twilioFake.url);
      const sms = await sendTest(page, `Twilio ${suffix}`, "+14155550132");
      await expect(sms).toContainText(/Sent — provider id SM/);
      expect(twilioFake.messages.at(-1)?.params.get("To")).toBe("+14155550132");

      await addChannel(page, { id: "slack", name: "Slack" }, `Slack ${suffix}`, { "Bot token (bot mode)": slackToken, Mode: "bot", "Default channel ID (bot mode)": "C0123456789" }, slack.url);
      const chat = await sendTest(page, `Slack ${suffix}`, "C0123456789");
      await expect(chat).toContainText("Sent — provider id");
      expect(slack.posted.at(-1)).toMatchObject({ via: "api", channel: "C0123456789" });
    } finally {
      await Promise.all([resend.close(), twilioFake.close(), slack.close()]);
    }
  });

  test("a malformed credential is refused inline; a wrong one is reported by the provider as permanent", async ({ page }) => {
    const resend = await startFakeResend({ apiKey: resendKey });
    try {
      await signInAndWait(page, admin.email, admin.password);
      await page.goto("/channels");
      const name = `Resend wrong ${Date.now()}`;
      await addChannel(page, { id: "resend", name: "Resend" }, name, { "API key": "sk_not_a_resend_key", "From address": "orders@shop.example", "From name": "Shop" }, resend.url);
      await expect(page.getByText("A Resend API key starts with re_")).toBeVisible();

      await page.getByLabel("API key", { exact: true }).fill("re_wrong_but_well_formed");
      await page.getByRole("button", { name: "Save channel" }).click();
      const result = await sendTest(page, name, "ada@customer.example");
      await expect(result).toContainText(/Refused: HTTP 403.*permanent/);
    } finally {
      await resend.close();
    }
  });

  test("the form names every missing field and every impossible credential at once; a test to a bad recipient is refused inline", async ({ page }) => {
    const twilioFake = await startFakeTwilio(twilio);
    try {
      await signInAndWait(page, admin.email, admin.password);
      await page.goto("/channels");
      const name = `Twilio checks ${Date.now()}`;
      await addChannel(page, { id: "twilio", name: "Twilio" }, name, { "Account SID": "XX0123456789abcdef0123456789abcdef", "Auth Token": "x" }, twilioFake.url);
      // Both credentials are named on their own fields, in one go.
      await expect(page.getByText("An Account SID is AC followed by 32 hexadecimal characters")).toBeVisible();
      await expect(page.getByText("An Auth Token is 32 hexadecimal characters")).toBeVisible();
      await expect(page.getByLabel("Auth Token", { exact: true })).toHaveAttribute("aria-invalid", "true");

      await page.getByLabel("Account SID", { exact: true }).fill(twilio.accountSid);
      await page.getByLabel("Auth Token", { exact: true }).fill(twilio.authToken);
      await page.getByLabel("Sender number", { exact: true }).fill("+15005550006");
      await page.getByRole("button", { name: "Save channel" }).click();

      const card = page.locator("[data-testid^=channel-]").filter({ hasText: name });
      await expect(card).toBeVisible();
      await card.getByLabel("Send a test to").fill("12345");
      await card.getByRole("button", { name: "Send test" }).click();
      await expect(card.getByText("is not a valid phone number for US")).toBeVisible();
      expect(twilioFake.messages).toHaveLength(0);
    } finally {
      await twilioFake.close();
    }
  });
});
