import type { OrderMessageInput } from "./template-variables";

/** A paid USD order of two items for tests; every part can be overridden. */
export function orderInput(overrides: { order?: Partial<OrderMessageInput["order"]>; customer?: Partial<NonNullable<OrderMessageInput["customer"]>> | null; store?: Partial<OrderMessageInput["store"]> } = {}): OrderMessageInput {
  return {
    order: {
      number: "#1001",
      status: "paid",
      currency: "USD",
      locale: "en-US",
      subtotal: 15800,
      discountTotal: 1580,
      shippingTotal: 499,
      taxTotal: 1138,
      total: 15857,
      deliveryEstimate: "2026-12-03",
      statusUrl: "https://shop.example/orders/1001",
      placedAt: new Date("2026-11-27T10:00:00Z"),
      paidAt: new Date("2026-11-27T10:00:05Z"),
      receiptToken: "tok_abcdefghijklmnopqrstuvwxyz012345",
      ...overrides.order,
    },
    items: [
      { name: "Trail Runner 2", variant: "Size 42 / Blue", sku: "TR2-42-BL", quantity: 1, unitPrice: 12900, lineTotal: 12900 },
      { name: "Merino Socks", variant: "M", sku: "MS-M", quantity: 2, unitPrice: 1450, lineTotal: 2900 },
    ],
    customer: overrides.customer === null ? null : { name: "Ada Lovelace", email: "ada@customer.example", phone: "+14155550132", locale: null, ...overrides.customer },
    store: {
      name: "Northwind",
      brandColor: "#0f766e",
      logoUrl: "https://cdn.northwind.example/logo.png",
      supportEmail: "help@northwind.example",
      supportPhone: "+14155550100",
      defaultLocale: "en-US",
      timezone: "America/Los_Angeles",
      ...overrides.store,
    },
    appUrl: "https://orders.northwind.example",
  };
}
