import { afterEach, describe, expect, it } from "vitest";
import { refusedUrl } from "@/server/testing/fake-http-server";
import { sampleMessage, sendWith } from "../testing/provider-harness";
import { startFakeZoho, type FakeZoho } from "./fake";
import { zohoCrmProvider } from "./index";
import { describeRequestPathClassification } from "../testing/request-path-classification";

const credentials = { clientId: "1000.CLIENTID", clientSecret: "zoho-client-secret", refreshToken: "1000.refresh-token-abc" };

let fake: FakeZoho | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(scenario?: Parameters<typeof startFakeZoho>[0]["scenario"]) {
  fake = await startFakeZoho({ ...credentials, fromEmail: "orders@shop.example", scenario });
  return fake;
}

const configFor = (server: FakeZoho, extra: Record<string, unknown> = {}) => ({ tokenUrl: `${server.url}/oauth/v2/token`, ...extra });
const apiRequests = (server: FakeZoho) => server.requests.filter((request) => request.path.startsWith("/crm/"));

describe("Zoho CRM provider — sales order", () => {
  it("refreshes a token, upserts the contact, creates the sales order with workflow triggered and returns its id", async () => {
    const server = await start();
    const result = await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials, config: configFor(server) });
    expect(result).toEqual({ ok: true, providerMessageId: "5725767000090000001", httpStatus: 201 });

    expect(Object.fromEntries(new URLSearchParams(server.tokenRequests[0]?.text))).toEqual({
      grant_type: "refresh_token",
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      refresh_token: credentials.refreshToken,
    });
    const [upsert, insert] = apiRequests(server);
    for (const request of [upsert, insert]) {
      expect(request?.headers.authorization).toBe("Zoho-oauthtoken 1000.access-1");
      expect(request?.headers["content-type"]).toContain("application/json");
    }
    expect(upsert?.path).toBe("/crm/v7/Contacts/upsert");
    expect(JSON.parse(upsert?.text ?? "")).toEqual({
      data: [{ Last_Name: "Lovelace", First_Name: "Ada", Email: "ada@customer.example", Phone: "+14155550132" }],
      duplicate_check_fields: ["Email"],
    });
    expect(insert?.path).toBe("/crm/v7/Sales_Orders");
    const body = JSON.parse(insert?.text ?? "");
    expect(body.trigger).toEqual(["workflow"]);
    expect(body.data[0]).toMatchObject({ Subject: "Order #1001", Contact_Name: { id: "5725767000000000001" } });
    expect(body.data[0].Ordered_Items).toBeUndefined();
    expect(body.data[0].Description).toBe(
      [
        "Order #1001 — total $158.57",
        "1 × Trail Runner 2 (42 / Blue) [TR2-42-BL] — $129.00",
        "2 × Merino Socks (M) [MS-M] — $29.00",
        "Receipt: https://orders.shop.example/r/abc",
        "Estimated delivery: Dec 3, 2026",
        `Orderbell reference: ${sampleMessage().idempotencyKey}`,
      ].join("\n"),
    );
  });

  it("adds one Ordered_Items line per item when a catch-all product is set", async () => {
    const server = await start();
    await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials, config: configFor(server, { productId: "5725767000000123001" }) });
    expect(server.salesOrders[0]?.Ordered_Items).toEqual([
      { Product_Name: { id: "5725767000000123001" }, Quantity: 1, List_Price: 129, Description: "Trail Runner 2 (42 / Blue) [TR2-42-BL]" },
      { Product_Name: { id: "5725767000000123001" }, Quantity: 2, List_Price: 14.5, Description: "Merino Socks (M) [MS-M]" },
    ]);
  });

  it("uses the token's api_domain when the channel has no override", async () => {
    const server = await start();
    for (const baseUrl of [null, zohoCrmProvider.defaultBaseUrl]) {
      expect(await sendWith(zohoCrmProvider, { baseUrl, credentials, config: configFor(server) })).toMatchObject({ ok: true });
    }
    expect(server.salesOrders).toHaveLength(1);
  });

  it("treats a duplicate Subject (an earlier attempt's order) as that order", async () => {
    const server = await start();
    const first = await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials, config: configFor(server) });
    const again = await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials, config: configFor(server) });
    expect(again).toEqual({ ok: true, providerMessageId: first.ok ? first.providerMessageId : "" });
    expect(server.salesOrders).toHaveLength(1);
  });
});

describe("Zoho CRM provider — send mail", () => {
  it("sends the rendered HTML from the customer's contact and returns the message id", async () => {
    const server = await start();
    const result = await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials, config: configFor(server, { mode: "send_mail", fromEmail: "orders@shop.example", fromName: "Trail & Co" }) });
    expect(result).toEqual({ ok: true, providerMessageId: "2c4d1e7b0f9a6c3e5d8b1a4f7c0e3d6b9a2f5c8e1b4d7a0c", httpStatus: 200 });
    const mail = apiRequests(server)[1];
    expect(mail?.path).toBe("/crm/v7/Contacts/5725767000000000001/actions/send_mail");
    expect(JSON.parse(mail?.text ?? "")).toEqual({
      data: [
        {
          from: { user_name: "Trail & Co", email: "orders@shop.example" },
          to: [{ user_name: "Ada Lovelace", email: "ada@customer.example" }],
          subject: sampleMessage().subject,
          content: sampleMessage().html,
          mail_format: "html",
        },
      ],
    });
  });

  it("treats a from address Zoho does not accept as permanent", async () => {
    const server = await start();
    const result = await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials, config: configFor(server, { mode: "send_mail", fromEmail: "someone@else.example" }) });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: "HTTP 400: INVALID_DATA: invalid from address (field from)" });
  });

  it("needs a from address", async () => {
    expect(zohoCrmProvider.configSchema.safeParse({ mode: "send_mail" }).success).toBe(false);
    const server = await start();
    expect(await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials, config: configFor(server, { mode: "send_mail" }) })).toMatchObject({ ok: false, retryable: false });
    expect(server.requests).toHaveLength(0);
  });
});

describe("Zoho CRM provider — tokens and failures", () => {
  it("treats a revoked refresh token (HTTP 200 invalid_code) as permanent, without secrets", async () => {
    const server = await start();
    const result = await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials: { ...credentials, refreshToken: "1000.revoked" }, config: configFor(server) });
    expect(result).toMatchObject({ ok: false, retryable: false, error: "Zoho OAuth: HTTP 200: invalid_code" });
    expect(JSON.stringify(result)).not.toContain("revoked");
    expect(JSON.stringify(result)).not.toContain(credentials.clientSecret);
  });

  it("retries when the accounts server throttles token requests", async () => {
    const server = await start("token-throttled");
    expect(await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials, config: configFor(server) })).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining("Access Denied") });
  });

  it("refreshes once on INVALID_TOKEN, and gives up on OAUTH_SCOPE_MISMATCH after that one refresh", async () => {
    const stale = await start("stale-token");
    expect(await sendWith(zohoCrmProvider, { baseUrl: stale.url, credentials, config: configFor(stale) })).toMatchObject({ ok: true });
    expect(stale.tokenRequests).toHaveLength(2);
    await stale.close();

    const scope = await start("scope-mismatch");
    expect(await sendWith(zohoCrmProvider, { baseUrl: scope.url, credentials, config: configFor(scope) })).toMatchObject({ ok: false, retryable: false, httpStatus: 401, error: "HTTP 401: OAUTH_SCOPE_MISMATCH: invalid oauth scope to access this URL" });
    expect(scope.tokenRequests).toHaveLength(2);
  });

  it("retries TOO_MANY_REQUESTS", async () => {
    const server = await start("throttled");
    expect(await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials, config: configFor(server) })).toMatchObject({ ok: false, retryable: true, httpStatus: 429, error: expect.stringContaining("TOO_MANY_REQUESTS") });
  });

  it("treats an invalid customer email (per-record INVALID_DATA) as permanent", async () => {
    const server = await start();
    const result = await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials, config: configFor(server), message: { to: "not-an-email" } });
    expect(result).toMatchObject({ ok: false, retryable: false, httpStatus: 400, error: "HTTP 400: INVALID_DATA: invalid data (field Email)" });
  });

  it("retries server errors and an unreachable accounts server", async () => {
    const server = await start("server-error");
    expect(await sendWith(zohoCrmProvider, { baseUrl: server.url, credentials, config: configFor(server) })).toMatchObject({ ok: false, retryable: true, httpStatus: 500 });
    const refused = await refusedUrl();
    expect(await sendWith(zohoCrmProvider, { baseUrl: refused, credentials, config: { tokenUrl: `${refused}/oauth/v2/token` } })).toMatchObject({ ok: false, retryable: true });
  });
});

describeRequestPathClassification(zohoCrmProvider, { credentials, config: (url) => ({ tokenUrl: `${url}/oauth/v2/token` }) });
