import { startFakeHttpServer, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";

export type FakeActiveCampaignOptions = {
  /** Accepted as the `Api-Token` header. */
  apiToken: string;
  /** The Deep Data connection that exists on the account. */
  connectionId: string;
  /** throttled: 429 + Retry-After; server-error: 500; billing: 402 (account suspended for payment). */
  scenario?: "ok" | "throttled" | "server-error" | "billing";
};

type Customer = { id: string; connectionid: string; externalid: string; email: string };

export type FakeActiveCampaign = FakeHttpServer & {
  contacts: Map<string, Record<string, unknown>>;
  customers: Customer[];
  orders: Array<Record<string, unknown>>;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isCents = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

function unprocessable(code: string, title: string, pointer: string): FakeResponse {
  return { status: 422, body: { errors: [{ title, detail: "", code, source: { pointer } }] } };
}

/**
 * A local ActiveCampaign v3 API under `/api/3`: contact sync, e-commerce customers (list with
 * `filters[email]` / `filters[connectionid]`, create) and Deep Data orders, checking the `Api-Token`, JSON,
 * cents as integers, the connection and customer ids, and a unique order externalid per connection.
 */
export async function startFakeActiveCampaign(options: FakeActiveCampaignOptions): Promise<FakeActiveCampaign> {
  const contacts = new Map<string, Record<string, unknown>>();
  const customers: Customer[] = [];
  const orders: Array<Record<string, unknown>> = [];

  const server = await startFakeHttpServer((request): FakeResponse => {
    if (request.headers["api-token"] !== options.apiToken) return { status: 403, body: { message: "No Result found for Account with credentials given" } };
    if (options.scenario === "throttled") return { status: 429, headers: { "retry-after": "2", "ratelimit-limit": "5", "ratelimit-remaining": "0" }, body: { message: "Too Many Requests" } };
    if (options.scenario === "server-error") return { status: 500, body: { message: "An unexpected error occurred" } };
    if (options.scenario === "billing") return { status: 402, body: { message: "Your account is suspended: please update your billing information" } };

    if (request.method === "GET" && request.path === "/api/3/ecomCustomers") {
      const email = request.query.get("filters[email]");
      const connection = request.query.get("filters[connectionid]");
      const matches = customers.filter((customer) => (!email || customer.email === email) && (!connection || customer.connectionid === connection));
      return { status: 200, body: { ecomCustomers: matches.map((customer) => ({ ...customer, acceptsMarketing: "0", links: {} })), meta: { total: String(matches.length) } } };
    }
    if (request.method !== "POST" || !String(request.headers["content-type"] ?? "").startsWith("application/json")) return { status: 404, body: { message: "No Result found for route" } };
    let body: Record<string, Record<string, unknown> | undefined>;
    try {
      body = JSON.parse(request.text);
    } catch {
      return { status: 400, body: { message: "Malformed JSON" } };
    }
    switch (request.path) {
      case "/api/3/contact/sync":
        return syncContact(body.contact);
      case "/api/3/ecomCustomers":
        return createCustomer(body.ecomCustomer);
      case "/api/3/ecomOrders":
        return createOrder(body.ecomOrder);
      default:
        return { status: 404, body: { message: "No Result found for route" } };
    }
  });

  function syncContact(contact: Record<string, unknown> | undefined): FakeResponse {
    if (!contact || typeof contact.email !== "string" || !EMAIL.test(contact.email)) {
      return { status: 422, body: { errors: [{ title: "Contact Email Address is not valid.", detail: "", code: "email_invalid", error: "must_be_valid_email_address", source: { pointer: "/data/attributes/email" } }] } };
    }
    const existing = contacts.get(contact.email);
    const id = String(existing?.id ?? 113 + contacts.size);
    const stored = { ...existing, ...contact, id };
    contacts.set(contact.email, stored);
    return { status: existing ? 200 : 201, body: { fieldValues: [], contact: { ...stored, cdate: "2026-11-27T04:00:01-06:00", udate: "2026-11-27T04:00:01-06:00", links: {} } } };
  }

  function createCustomer(customer: Record<string, unknown> | undefined): FakeResponse {
    if (!customer || typeof customer.email !== "string" || typeof customer.externalid !== "string") return unprocessable("field_missing", "The customer email and externalid are required", "/data/attributes/email");
    if (String(customer.connectionid) !== options.connectionId) return unprocessable("related_missing", "The related connection could not be found.", "/data/attributes/connectionid");
    if (customers.some((existing) => existing.externalid === customer.externalid && existing.connectionid === options.connectionId)) {
      return unprocessable("duplicate", "The integration customer already exists in the system.", "/data/attributes/externalid");
    }
    const created: Customer = { id: String(customers.length + 1), connectionid: options.connectionId, externalid: customer.externalid, email: customer.email };
    customers.push(created);
    return { status: 201, body: { ecomCustomer: { ...created, links: {} } } };
  }

  function createOrder(order: Record<string, unknown> | undefined): FakeResponse {
    if (!order) return unprocessable("field_missing", "ecomOrder is required", "/data");
    for (const field of ["externalid", "email", "currency", "orderNumber", "externalCreatedDate"]) {
      if (typeof order[field] !== "string" || order[field] === "") return unprocessable("field_missing", `The ${field} field is required.`, `/data/attributes/${field}`);
    }
    if (order.source !== "1" && order.source !== "0") return unprocessable("field_invalid", "source must be 0 or 1", "/data/attributes/source");
    if (Number.isNaN(Date.parse(String(order.externalCreatedDate)))) return unprocessable("field_invalid", "externalCreatedDate is not a valid date", "/data/attributes/externalCreatedDate");
    for (const field of ["totalPrice", "shippingAmount", "taxAmount", "discountAmount"]) {
      if (order[field] !== undefined && !isCents(order[field])) return unprocessable("field_invalid", `${field} must be an integer amount in cents`, `/data/attributes/${field}`);
    }
    const products = order.orderProducts as Array<Record<string, unknown>> | undefined;
    if (!Array.isArray(products) || products.length === 0) return unprocessable("field_missing", "At least one order product is required.", "/data/attributes/orderProducts");
    const badProduct = products.findIndex((product) => typeof product.externalid !== "string" || typeof product.name !== "string" || !isCents(product.price) || !Number.isInteger(product.quantity));
    if (badProduct >= 0) return unprocessable("field_invalid", "Order products need externalid, name, price (cents) and quantity", `/data/attributes/orderProducts/${badProduct}`);
    if (String(order.connectionid) !== options.connectionId) return unprocessable("related_missing", "The related connection could not be found.", "/data/attributes/connectionid");
    if (!customers.some((customer) => customer.id === String(order.customerid))) return unprocessable("related_missing", "The related customer could not be found.", "/data/attributes/customerid");
    if (orders.some((existing) => existing.externalid === order.externalid)) return unprocessable("duplicate", "The integration order already exists in the system.", "/data/attributes/externalid");
    const id = String(orders.length + 1);
    orders.push(order);
    return {
      status: 201,
      body: {
        connections: [{ id: options.connectionId, service: "Orderbell", externalid: "orderbell" }],
        ecomOrderProducts: products.map((product, index) => ({ ...product, orderid: id, id: String(index + 1) })),
        ecomOrder: { ...order, orderProducts: undefined, customerid: String(order.customerid), connectionid: String(order.connectionid), cdate: "2026-11-27T04:00:02-06:00", udate: "2026-11-27T04:00:02-06:00", links: {}, id },
      },
    };
  }

  return Object.assign(server, { contacts, customers, orders });
}
