import { describe, expect, it } from "vitest";
import { english } from "./defaults/en";
import { orderInput } from "./order-input.fixture";
import { TemplateRenderError, TemplateSyntaxError } from "./render-liquid";
import { renderNotification } from "./render-notification";

const hostileName = `<script>alert(1)</script> Hacker`;
const receiptUrl = "https://orders.northwind.example/r/tok_abcdefghijklmnopqrstuvwxyz012345";

describe("renderNotification for email", () => {
  it("renders the subject, the branded HTML and the plain-text part from the default template", async () => {
    const rendered = await renderNotification({ ...orderInput(), template: english.email, kind: "email" });
    expect(rendered.subject).toBe("Order #1001 confirmed — thank you, Ada!");

    const html = rendered.html!;
    expect(html).toMatch(/^<!DOCTYPE html/);
    expect(html).toContain('lang="en-US"');
    expect(html).toContain("Order #1001</h1>");
    expect(html).toContain("Hi Ada,</p>");
    expect(html).toContain("Your payment of $158.57 is confirmed");
    for (const piece of ["Trail Runner 2", "Size 42 / Blue", "Merino Socks", "$14.50", "$29.00", "$158.00", "-$15.80", "$4.99", "$11.38", "$158.57", "Thursday, December 3, 2026"]) {
      expect(html).toContain(piece);
    }
    expect(html).toContain(`href="${receiptUrl}"`);
    expect(html).toContain("View your receipt");
    expect(html).toContain("background-color:#0f766e");
    expect(html).toContain('src="https://cdn.northwind.example/logo.png"');
    expect(html).toContain('href="mailto:help@northwind.example"');
    expect(html).toContain('href="tel:+14155550100"');
    expect(html).toContain("You are receiving this email because you placed an order with Northwind.");
    // react-email puts <!-- --> between adjacent text parts; template strings keep them out of the text.
    expect(html).not.toMatch(/Order <!-- -->/);

    // ICU puts a narrow no-break space before AM in some versions and a plain one in others.
    expect(rendered.text.replace(/\u202f/g, " ")).toBe(
      [
        "Hi Ada,",
        "",
        "Thank you for your order. Your payment of $158.57 is confirmed and we are getting your order ready.",
        "",
        "The details of your order are below, and your receipt is online whenever you need it.",
        "",
        "Order #1001 · Placed Nov 27, 2026, 2:00 AM",
        "",
        "Trail Runner 2 (Size 42 / Blue)",
        "  1 × $129.00 = $129.00",
        "Merino Socks (M)",
        "  2 × $14.50 = $29.00",
        "",
        "Subtotal: $158.00",
        "Discounts: -$15.80",
        "Shipping: $4.99",
        "Tax: $11.38",
        "Total: $158.57",
        "",
        "Estimated delivery: Thursday, December 3, 2026",
        `View your receipt: ${receiptUrl}`,
        "",
        "Questions about your order? help@northwind.example · +14155550100",
        "",
        "Northwind",
        "",
        "You are receiving this email because you placed an order with Northwind.",
      ].join("\n"),
    );
    expect(rendered.variables).toMatchObject({ "order.number": "#1001", "order.total": "$158.57", "customer.first_name": "Ada", "order.receipt_url": receiptUrl, "store.name": "Northwind" });
  });

  it("escapes a hostile customer name in the HTML, but not in the subject or the text part", async () => {
    const rendered = await renderNotification({
      ...orderInput({ customer: { name: hostileName } }),
      template: { subject: "For {{ customer.name }}", body: "Dear {{ customer.name }},\n\n<em>Thanks</em> from {{ store.name }}" },
      kind: "email",
    });
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.html).toContain("Dear &lt;script&gt;alert(1)&lt;/script&gt; Hacker,");
    // The template's own markup is the manager's and is kept.
    expect(rendered.html).toContain("<em>Thanks</em> from Northwind");
    expect(rendered.subject).toBe(`For ${hostileName}`);
    expect(rendered.text.startsWith(`Dear ${hostileName},`)).toBe(true);
  });

  it("formats the email in the order's currency and locale, and leaves out zero rows", async () => {
    const rendered = await renderNotification({
      ...orderInput({ order: { currency: "EUR", locale: "de-DE", discountTotal: 0, subtotal: 15800, total: 17437 } }),
      template: { subject: "Bestellung {{ order.number }}", body: "Danke! Summe: {{ order.total }}" },
      kind: "email",
    });
    expect(rendered.html).toContain('lang="de-DE"');
    expect(rendered.html).toContain("Danke! Summe: 174,37\u00a0€");
    expect(rendered.html).toContain("Donnerstag, 3. Dezember 2026");
    // The layout speaks the order's language too.
    expect(rendered.html).not.toContain("Rabatte");
    expect(rendered.text).not.toContain("Rabatte");
    expect(rendered.text).toContain("Gesamtsumme: 174,37\u00a0€");
    expect(rendered.html).toContain("Voraussichtliche Lieferung");
  });

  it("renders body paragraphs: blank lines separate them, single newlines break lines", async () => {
    const rendered = await renderNotification({ ...orderInput(), template: { subject: "x", body: "One\ntwo\n\n\n\nThree{% if order.missing %}\n\nNot shown{% endif %}" }, kind: "email" });
    expect(rendered.html).toContain("One<br>\ntwo</p>");
    expect(rendered.html).toContain("Three</p>");
    expect(rendered.html).not.toContain("Not shown");
    expect(rendered.text.startsWith("One\ntwo\n\nThree\n\nOrder #1001")).toBe(true);
  });

  it("names the part that has a syntax error", async () => {
    await expect(renderNotification({ ...orderInput(), template: { subject: "Order {{ order.number", body: "ok" }, kind: "email" })).rejects.toThrow(
      /^The subject has a template syntax error on line 1, column 7: output "{{ order.number" not closed\.$/,
    );
    await expect(renderNotification({ ...orderInput(), template: { subject: "ok", body: "{% for %}" }, kind: "email" })).rejects.toBeInstanceOf(TemplateSyntaxError);
  });
});

describe("renderNotification escaping and layout parts", () => {
  const scriptItem = "<script>alert(1)</script>";

  it("keeps an item named like a script inert in the email's items table and in a Liquid loop", async () => {
    const input = orderInput();
    input.items[0] = { ...input.items[0]!, name: scriptItem };
    const rendered = await renderNotification({ ...input, template: { subject: "Your {{ order.items.first.name }}", body: "{% for item in order.items %}{{ item.name }}\n{% endfor %}" }, kind: "email" });
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.html!.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)?.length).toBeGreaterThanOrEqual(2);
    // Plain text and subjects are not HTML: they carry the name as it is.
    expect(rendered.subject).toBe(`Your ${scriptItem}`);
    expect(rendered.text).toContain(scriptItem);
  });

  it("renders the heading and footer from the template, and the language's defaults when they are empty", async () => {
    const custom = await renderNotification({ ...orderInput(), template: { subject: "s", heading: "Thanks, {{ customer.first_name }}!", body: "b", footer: "Sent by {{ store.name }} <b>HQ</b>" }, kind: "email" });
    expect(custom.html).toContain("Thanks, Ada!</h1>");
    // Heading and footer are text: markup in them is shown, not interpreted.
    expect(custom.html).toContain("Sent by Northwind &lt;b&gt;HQ&lt;/b&gt;");
    expect(custom.text.endsWith("Sent by Northwind <b>HQ</b>")).toBe(true);
    const defaults = await renderNotification({ ...orderInput({ order: { locale: "fr-FR" } }), template: { subject: null, heading: null, body: "b", footer: null, locale: "fr" }, kind: "email" });
    expect(defaults.subject).toBe("Votre commande #1001 est confirmée — merci Ada !");
    expect(defaults.html).toContain("Commande #1001</h1>");
    expect(defaults.html).toContain("Vous recevez cet e-mail car vous avez passé commande chez Northwind.");
  });

  it("writes the SMS with plain spaces where Intl puts no-break ones, so it stays GSM-7", async () => {
    const rendered = await renderNotification({ ...orderInput({ order: { currency: "EUR", locale: "fr-FR", total: 123456 } }), template: { body: "Total : {{ order.total }}", locale: "fr" }, kind: "sms" });
    expect(rendered.text).toBe("Total : 1 234,56 €");
  });

  it("formats an internal alert in the store's language, not the customer's", async () => {
    const rendered = await renderNotification({ ...orderInput({ order: { locale: "ja-JP" }, store: { defaultLocale: "de-DE" } }), template: { body: "{{ order.total }} · {{ order.delivery_estimate }}" }, kind: "chat", audience: "internal" });
    expect(rendered.text).toBe("158,57\u00a0$ · Donnerstag, 3. Dezember 2026");
  });
});

describe("renderNotification for text channels", () => {
  it("renders SMS as plain text only, with nothing escaped", async () => {
    const rendered = await renderNotification({ ...orderInput({ customer: { name: hostileName } }), template: { subject: "ignored", body: "Hi {{ customer.name }} & co: {{ order.total }}" }, kind: "sms" });
    expect(rendered).toMatchObject({ subject: null, html: null, text: `Hi ${hostileName} & co: $158.57` });
    expect(rendered.text).not.toContain("&lt;");
    expect(rendered.variables["customer.name"]).toBe(hostileName);
  });

  it("renders the default SMS", async () => {
    const rendered = await renderNotification({ ...orderInput(), template: english.sms, kind: "sms" });
    expect(rendered.text).toBe(`Northwind: order #1001 confirmed, $158.57. Delivery by Dec 3, 2026. Receipt: ${receiptUrl}`);
    const withoutEstimate = await renderNotification({ ...orderInput({ order: { deliveryEstimate: null } }), template: english.sms, kind: "sms" });
    expect(withoutEstimate.text).toBe(`Northwind: order #1001 confirmed, $158.57. Receipt: ${receiptUrl}`);
  });

  it("renders messaging and chat as text only too", async () => {
    for (const channelKind of ["messaging", "chat"] as const) {
      const rendered = await renderNotification({ ...orderInput(), template: { subject: "x", body: "<b>{{ order.number }}</b>" }, kind: channelKind });
      expect(rendered).toMatchObject({ subject: null, html: null, text: "<b>#1001</b>" });
    }
  });

  it("refuses to send an empty text message", async () => {
    await expect(renderNotification({ ...orderInput(), template: { subject: null, body: "{% if order.missing %}x{% endif %}  \n" }, kind: "sms" })).rejects.toBeInstanceOf(TemplateRenderError);
  });
});

describe("renderNotification for CRM and support notes", () => {
  it("gives a title and the note as plain text, with a title of its own when the template has none", async () => {
    const rendered = await renderNotification({ ...orderInput({ customer: { name: hostileName } }), template: { subject: null, body: "New order from {{ customer.name }}" }, kind: "crm" });
    expect(rendered).toMatchObject({ subject: "Order #1001 confirmed ($158.57)", text: `New order from ${hostileName}`, html: null });
  });
});
