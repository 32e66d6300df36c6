import fs from "node:fs";
import { startFakeTwilio } from "../../server/channels/twilio/fake";
import { startFakeZendesk } from "../../server/channels/zendesk/fake";
import { posOrderBody, signPosRequest } from "../../server/sources/pos/fixtures";
import { AdminApi, type CreatedSource, waitForOrder } from "../support/admin-api";
import { expect, signInAndWait, test, uniqueEmail } from "../fixtures";

const twilio = { accountSid: `AC${"0123456789abcdef".repeat(2)}`, authToken: "6f3e1a7b0d4c5f2e9b8a7c6d5e4f3a2b" };
const zendesk = { agentEmail: "desk@shop.example", apiToken: "e2e-desk-zendesk-token" };

/**
 * An agent's day: an SMS through Twilio fails for good (the fake refuses Twilio's magic invalid number);
 * the agent finds the order by the phone typed another way, reads the failure on the timeline, corrects
 * the number, resends through the sandbox, opens a Zendesk ticket and downloads the list as CSV.
 */
test.describe("support desk", () => {
  let api: AdminApi;
  let source: CreatedSource;
  let fakeTwilio: Awaited<ReturnType<typeof startFakeTwilio>>;
  let fakeZendesk: Awaited<ReturnType<typeof startFakeZendesk>>;
  const agent = { email: uniqueEmail("desk-agent"), password: "desk-agent-password-123" };

  test.beforeAll(async () => {
    fakeTwilio = await startFakeTwilio(twilio);
    fakeZendesk = await startFakeZendesk(zendesk);
    api = await AdminApi.signIn();
    await api.mutate("users.create", { email: agent.email, name: "Desk Agent", role: "agent", password: agent.password });
    source = await api.mutate<CreatedSource>("sources.create", { kind: "pos", name: `Desk POS ${Date.now()}` });
    const sms = await api.mutate<{ id: string }>("channels.create", { provider: "twilio", name: `Twilio desk ${Date.now()}`, credentials: twilio, config: { from: "+15005550006" }, baseUrl: fakeTwilio.url, maxAttempts: 1, ratePerSecond: 100 });
    await api.mutate("channels.create", { provider: "zendesk", name: `Zendesk desk ${Date.now()}`, credentials: zendesk, config: { subdomain: "acme" }, baseUrl: fakeZendesk.url });
    await api.mutate("flows.create", { name: `Desk SMS ${Date.now()}`, trigger: "order_paid", conditions: { sourceIds: [source.source.id] }, steps: [{ channelIds: [sms.id] }] });
  });
  test.afterAll(async () => {
    await api.dispose();
    await Promise.all([fakeTwilio.close(), fakeZendesk.close()]);
  });

  test("an agent finds an order by phone, fixes the number, resends, opens a ticket and exports the list", async ({ page, request }) => {
    const payload = posOrderBody({ email: uniqueEmail("desk-customer"), phone: "+15005550001" });
    const body = JSON.stringify(payload);
    expect((await request.post(new URL(source.source.triggerUrl).pathname, { data: Buffer.from(body), headers: signPosRequest(body, source.generatedSecrets!.signingSecret!) })).status()).toBe(200);
    const { order } = await waitForOrder(api, payload.order.id);

    await signInAndWait(page, agent.email, agent.password);
    await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Orders" }).click();
    await page.getByLabel("Search orders").fill("(500) 555-0001");
    await expect(page).toHaveURL(/q=%28500%29/);
    await page.getByTestId(`order-row-${order.number}`).getByRole("link", { name: order.number }).click();

    // The refused SMS is on the timeline with Twilio's answer; its drawer shows the text as the phone does.
    const timeline = page.getByRole("list", { name: "Order timeline" });
    const refused = timeline.getByTestId("timeline-attempt").filter({ hasText: "permanent" });
    await expect(refused).toContainText("21211", { timeout: 30_000 });
    await refused.getByRole("button", { name: /Twilio desk/ }).click();
    const drawer = page.getByRole("dialog");
    await expect(drawer.getByText("As the phone shows it")).toBeVisible();
    await expect(drawer.getByTestId("message-text")).toContainText(order.number);
    await drawer.getByRole("button", { name: "Close" }).click();

    const contact = page.getByRole("form", { name: "Correct contact details" });
    await contact.getByLabel("Phone").fill("(415) 555-0177");
    await contact.getByLabel("Reason").fill("Customer called with the right number");
    await contact.getByRole("button", { name: "Save contact details" }).click();
    await expect(page.getByText("Contact details saved")).toBeVisible();

    await page.getByTestId("order-notification").filter({ hasText: "Twilio desk" }).getByRole("button").click();
    const resend = page.getByRole("dialog").getByRole("form", { name: "Resend this message" });
    await resend.getByLabel("Send through").selectOption({ label: "Sandbox SMS (sms)" });
    await resend.getByLabel("Reason").fill("Number corrected, resending");
    await resend.getByRole("button", { name: "Resend" }).click();
    await expect(page.getByRole("dialog").getByText("Resend queued")).toBeVisible();
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
    await expect(page.getByTestId("order-notification").filter({ hasText: "Resend via Sandbox SMS" })).toContainText("sent", { timeout: 30_000 });

    await page.goto("/sandbox");
    const delivered = page.locator("section").filter({ hasText: "+14155550177" }).filter({ hasText: `Order ${order.number}` });
    await expect(delivered.getByTestId("sandbox-sms").first()).toContainText(order.number, { timeout: 30_000 });

    // A ticket through Zendesk: its id, as Zendesk answered it, lands on the timeline with its link.
    await page.goBack();
    const ticket = page.getByRole("form", { name: "Open a support ticket" });
    await ticket.getByLabel("Note for the ticket").fill("Parcel arrived damaged, customer wants a replacement");
    await ticket.getByRole("button", { name: "Open ticket" }).click();
    const opened = page.getByTestId("timeline-ticket");
    await expect(opened).toContainText(/#\d+/, { timeout: 30_000 });
    const ticketId = (await opened.getByRole("link").textContent())!.replace("#", "");
    expect(Number(ticketId)).toBeGreaterThanOrEqual(35436); // the fake numbers tickets from 35436, as in Zendesk's examples
    await expect(opened.getByRole("link")).toHaveAttribute("href", `https://acme.zendesk.com/agent/tickets/${ticketId}`);
    expect(JSON.stringify(fakeZendesk.tickets.at(-1))).toContain(order.number);

    // The filtered list as CSV, from the server.
    await page.goto(`/orders?q=${encodeURIComponent(order.number)}`);
    await expect(page.getByTestId(`order-row-${order.number}`)).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    expect(csv.split("\n")[0]).toContain("Order");
    expect(csv).toContain(order.number);
    expect(csv).toContain("+14155550177");
  });

  test("the Needs attention page shows the count in the navigation and a held order's invalid contact", async ({ page, request }) => {
    const payload = posOrderBody({ email: "not-an-email", phone: "12" });
    const body = JSON.stringify(payload);
    await request.post(new URL(source.source.triggerUrl).pathname, { data: Buffer.from(body), headers: signPosRequest(body, source.generatedSecrets!.signingSecret!) });
    const { order } = await waitForOrder(api, payload.order.id);
    expect(order.flags).toContain("needs_contact");

    await signInAndWait(page, agent.email, agent.password);
    const nav = page.getByRole("navigation", { name: "Main" }).first();
    await expect(nav.getByTestId("attention-count")).toHaveText(/\d+/);
    await nav.getByRole("link", { name: /Needs attention/ }).click();
    // The agent's Overview lists the same queue: act only once the Needs attention page is there.
    await expect(page).toHaveURL(/\/needs-attention$/);
    await expect(page.getByRole("heading", { level: 1, name: "Needs attention" })).toBeVisible();
    const item = page.getByTestId(`attention-${order.number}`);
    await expect(item).toContainText("Needs contact");
    await expect(item).toContainText("not a valid");
    await item.getByRole("button", { name: "Fix contact" }).click();
    await item.getByLabel("Email").fill(uniqueEmail("fixed"));
    await item.getByLabel("Reason").fill("Customer replied to the shop");
    await item.getByRole("button", { name: "Save contact details" }).click();
    await expect(page.getByTestId(`attention-${order.number}`)).toHaveCount(0);
  });
});
