import { type APIRequestContext, expect, request as playwrightRequest } from "@playwright/test";
import superjson from "superjson";
import { e2eAdmin, e2eBaseUrl } from "./e2e-settings";

/**
 * The dashboard's own API, signed in as the e2e admin, for specs that set things up (sources…) and read
 * results (orders, inbound events) over real HTTP, the way the browser does.
 */
export class AdminApi {
  private constructor(readonly context: APIRequestContext) {}

  static async signIn(email = e2eAdmin.email, password = e2eAdmin.password): Promise<AdminApi> {
    const context = await playwrightRequest.newContext({ baseURL: e2eBaseUrl });
    const csrf = await (await context.get("/api/auth/csrf")).json();
    const response = await context.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
      maxRedirects: 0,
    });
    expect(response.status(), "admin sign-in").toBeLessThan(400);
    return new AdminApi(context);
  }

  async query<T>(path: string, input: unknown = {}): Promise<T> {
    const response = await this.context.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`);
    const body = await response.json();
    if (!response.ok()) throw new Error(`${path}: ${response.status()} ${JSON.stringify(body)}`);
    return superjson.deserialize(body.result.data) as T;
  }

  async mutate<T>(path: string, input: unknown): Promise<T> {
    const response = await this.context.post(`/api/trpc/${path}`, { data: superjson.serialize(input) });
    const body = await response.json();
    if (!response.ok()) throw new Error(`${path}: ${response.status()} ${JSON.stringify(body)}`);
    return superjson.deserialize(body.result.data) as T;
  }

  async dispose() {
    await this.context.dispose();
  }
}

export type CreatedSource = { source: { id: string; triggerUrl: string }; generatedSecrets: Record<string, string> | null };

export type OrderDetails = {
  order: { id: string; number: string; status: string; flags: string[]; total: number; currency: string; externalId: string };
  items: Array<{ name: string; quantity: number; unitPrice: number; lineTotal: number }>;
  customer: { email: string | null; phone: string | null } | null;
  notifications: Array<{ status: string; channelName: string }>;
};

/** Polls until the order with this platform id exists (it is built after the trigger's answer), then reads it. */
export async function waitForOrder(api: AdminApi, externalId: string): Promise<OrderDetails> {
  let found: { id: string } | undefined;
  await expect
    .poll(async () => {
      const page = await api.query<{ items: Array<{ id: string }> }>("orders.list", { search: externalId });
      const candidates = await Promise.all(page.items.map((item) => api.query<OrderDetails>("orders.get", { id: item.id })));
      found = candidates.find((candidate) => candidate.order.externalId === externalId)?.order;
      return Boolean(found);
    }, { timeout: 20_000 })
    .toBe(true);
  return api.query<OrderDetails>("orders.get", { id: found!.id });
}

export type InboundEventRow = { id: string; outcome: string; reason: string | null; httpStatus: number; topic: string | null; orderId: string | null };

export async function inboundEventsOf(api: AdminApi, sourceId: string): Promise<InboundEventRow[]> {
  const page = await api.query<{ items: InboundEventRow[] }>("inboundEvents.list", { sourceId, pageSize: 100 });
  return page.items;
}
