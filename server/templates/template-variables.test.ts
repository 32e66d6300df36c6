import { describe, expect, it } from "vitest";
import { itemFieldNames, scalarVariableNames, variableCatalogue } from "@/lib/templates/variable-catalogue";
import { orderInput } from "./order-input.fixture";
import { renderLiquid } from "./render-liquid";
import { buildTemplateVariables, flattenTemplateVariables, formatCalendarDate, messageLocale } from "./template-variables";

const nbsp = "\u00a0";

describe("buildTemplateVariables", () => {
  it("formats a USD order in en-US, dates in the store's time zone, and links the receipt", () => {
    const variables = buildTemplateVariables(orderInput());
    expect(variables.order).toMatchObject({
      number: "#1001",
      total: "$158.57",
      subtotal: "$158.00",
      discount: "$15.80",
      shipping: "$4.99",
      tax: "$11.38",
      currency: "USD",
      item_count: 3,
      delivery_estimate: "Thursday, December 3, 2026",
      receipt_url: "https://orders.northwind.example/r/tok_abcdefghijklmnopqrstuvwxyz012345",
      status_url: "https://shop.example/orders/1001",
      // 10:00 UTC is 2:00 in Los Angeles.
      placed_at: expect.stringMatching(/^Nov 27, 2026, 2:00\sAM$/),
    });
    expect(variables.order.items[1]).toEqual({ name: "Merino Socks", variant: "M", sku: "MS-M", quantity: 2, unit_price: "$14.50", line_total: "$29.00" });
    expect(variables.customer).toEqual({ name: "Ada Lovelace", first_name: "Ada", email: "ada@customer.example", phone: "+14155550132" });
    expect(variables.store).toEqual({ name: "Northwind", support_email: "help@northwind.example", support_phone: "+14155550100", brand_color: "#0f766e", logo_url: "https://cdn.northwind.example/logo.png" });
  });

  it("formats JPY without decimals, in ja-JP and in en-US", () => {
    const ja = buildTemplateVariables(orderInput({ order: { currency: "JPY", locale: "ja-JP", total: 15857, subtotal: 15800 } }));
    expect(ja.order.total).toBe("￥15,857");
    expect(ja.order.items[0]!.unit_price).toBe("￥12,900");
    expect(ja.order.delivery_estimate).toBe("2026年12月3日木曜日");
    const en = buildTemplateVariables(orderInput({ order: { currency: "JPY", locale: "en-US" } }));
    expect(en.order.total).toBe("¥15,857");
  });

  it("formats EUR in de-DE with a decimal comma and the sign after the amount", () => {
    const variables = buildTemplateVariables(orderInput({ order: { currency: "EUR", locale: "de-DE" } }));
    expect(variables.order.total).toBe(`158,57${nbsp}€`);
    expect(variables.order.discount).toBe(`15,80${nbsp}€`);
    expect(variables.order.delivery_estimate).toBe("Donnerstag, 3. Dezember 2026");
    expect(variables.order.placed_at).toBe("27.11.2026, 02:00");
  });

  it("uses the order's locale, else the customer's, else the store's default, and repairs or skips bad ones", () => {
    const store = { defaultLocale: "fr-FR" };
    expect(messageLocale({ locale: "de-DE" }, { locale: "ja-JP" }, store)).toBe("de-DE");
    expect(messageLocale({ locale: null }, { locale: "ja-JP" }, store)).toBe("ja-JP");
    expect(messageLocale({ locale: null }, null, store)).toBe("fr-FR");
    expect(messageLocale({ locale: "en_GB" }, null, store)).toBe("en-GB");
    expect(messageLocale({ locale: "not a locale!" }, { locale: "" }, store)).toBe("fr-FR");
    expect(buildTemplateVariables(orderInput({ order: { locale: null }, store: { defaultLocale: "de-DE" }, customer: { locale: null } })).order.total).toBe(`158,57${nbsp}$`);
  });

  it("gives null (false in Liquid) for what the order does not have", () => {
    const variables = buildTemplateVariables(orderInput({ order: { deliveryEstimate: null, statusUrl: null, placedAt: null }, customer: null, store: { supportEmail: null, logoUrl: null } }));
    expect(variables.order.delivery_estimate).toBeNull();
    expect(variables.order.status_url).toBeNull();
    expect(variables.order.placed_at).toBeNull();
    expect(variables.customer).toEqual({ name: null, first_name: null, email: null, phone: null });
    expect(variables.store.support_email).toBeNull();
  });
});

describe("flattenTemplateVariables", () => {
  it("lists every scalar by dotted name as a string, without the item list", () => {
    const flat = flattenTemplateVariables(buildTemplateVariables(orderInput({ customer: { name: null } })));
    expect(flat).toMatchObject({
      "order.number": "#1001",
      "order.total": "$158.57",
      "order.item_count": "3",
      "order.receipt_url": "https://orders.northwind.example/r/tok_abcdefghijklmnopqrstuvwxyz012345",
      "order.delivery_estimate": "Thursday, December 3, 2026",
      "customer.first_name": "",
      "customer.email": "ada@customer.example",
      "store.name": "Northwind",
    });
    expect(Object.keys(flat).some((key) => key.startsWith("order.items"))).toBe(false);
    expect(Object.values(flat).every((value) => typeof value === "string")).toBe(true);
  });
});

describe("formatCalendarDate", () => {
  it("never shifts the day, whatever the machine's time zone", () => {
    expect(formatCalendarDate("2026-01-01", "en-US")).toBe("Thursday, January 1, 2026");
    expect(formatCalendarDate("2026-12-31", "en-US")).toBe("Thursday, December 31, 2026");
  });
});

describe("the variable catalogue", () => {
  const variables = buildTemplateVariables(orderInput());
  const flat = flattenTemplateVariables(variables);

  it("is exactly what templates are given: every scalar, the item list and its fields", () => {
    expect([...scalarVariableNames].sort()).toEqual(Object.keys(flat).sort());
    expect(variableCatalogue.filter((variable) => variable.list).map((variable) => variable.name)).toEqual(["order.items"]);
    expect([...itemFieldNames].sort()).toEqual(Object.keys(variables.order.items[0]!).sort());
    for (const variable of variableCatalogue) expect(variable.description.length, variable.name).toBeGreaterThan(10);
  });

  it("renders every scalar variable to its value", async () => {
    for (const name of scalarVariableNames) {
      const rendered = await renderLiquid(`{{ ${name} }}`, variables, { mode: "none" });
      expect(rendered, name).toBe(flat[name]);
      expect(rendered, name).not.toBe("");
    }
  });

  it("renders every item field inside the items loop", async () => {
    for (const field of itemFieldNames) {
      const rendered = await renderLiquid(`{% for item in order.items %}{{ item.${field} }}|{% endfor %}`, variables, { mode: "none" });
      expect(rendered, field).toBe(variables.order.items.map((item) => `${item[field as keyof typeof item]}|`).join(""));
    }
    expect(await renderLiquid("{{ order.items.size }}", variables, { mode: "none" })).toBe("2");
  });

  it("gives the tracking page as order.tracking_url, and the delivery date in full and short", () => {
    expect(variables.order.tracking_url).toBe("https://shop.example/orders/1001");
    expect(variables.order).toMatchObject({ delivery_estimate: "Thursday, December 3, 2026", delivery_estimate_short: "Dec 3, 2026" });
    expect(buildTemplateVariables(orderInput({ order: { locale: "es-ES" } })).order.delivery_estimate_short).toBe("3 dic 2026");
  });
});
