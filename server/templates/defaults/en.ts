import { type DefaultTemplateSet, itemLines, lines } from "./default-template-set";

export const english: DefaultTemplateSet = {
  email: {
    subject: "Order {{ order.number }} confirmed — thank you{% if customer.first_name %}, {{ customer.first_name }}{% endif %}!",
    heading: "Order {{ order.number }}",
    // The layout adds the items, totals, delivery estimate, receipt button and support contact after this
    // text (and to the plain-text part), so the text does not repeat them.
    body: lines(
      "Hi {{ customer.first_name | default: 'there' }},",
      "",
      "Thank you for your order. Your payment of {{ order.total }} is confirmed and we are getting your order ready.",
      "",
      "The details of your order are below, and your receipt is online whenever you need it.",
    ),
    footer: "You are receiving this email because you placed an order with {{ store.name }}.",
  },
  sms: {
    subject: null,
    heading: null,
    body: "{{ store.name }}: order {{ order.number }} confirmed, {{ order.total }}.{% if order.delivery_estimate %} Delivery by {{ order.delivery_estimate_short }}.{% endif %} Receipt: {{ order.receipt_url }}",
    footer: null,
  },
  messaging: {
    subject: null,
    heading: null,
    body: lines(
      "Hi {{ customer.first_name | default: 'there' }}, thanks for your order at {{ store.name }}!",
      "",
      "Order {{ order.number }}",
      `${itemLines("• ")}Total: {{ order.total }}`,
      "{% if order.delivery_estimate %}Estimated delivery: {{ order.delivery_estimate }}",
      "{% endif %}",
      "Your receipt: {{ order.receipt_url }}",
    ),
    footer: null,
  },
  chat: {
    subject: null,
    heading: null,
    body: lines(
      "New order {{ order.number }}: {{ order.total }}",
      "{{ customer.name | default: 'Guest' }}{% if customer.email %} · {{ customer.email }}{% endif %}{% if customer.phone %} · {{ customer.phone }}{% endif %}",
      `${itemLines("")}Receipt: {{ order.receipt_url }}`,
    ),
    footer: null,
  },
  crm: {
    subject: "Order {{ order.number }} confirmed ({{ order.total }})",
    heading: null,
    body: lines(
      "Order {{ order.number }} was paid and confirmed{% if order.placed_at %} on {{ order.placed_at }}{% endif %}.",
      "",
      "Customer: {{ customer.name | default: 'not given' }}{% if customer.email %}, {{ customer.email }}{% endif %}{% if customer.phone %}, {{ customer.phone }}{% endif %}",
      "",
      "Items:",
      `${itemLines("- ")}Total: {{ order.total }}`,
      "{% if order.delivery_estimate %}Estimated delivery: {{ order.delivery_estimate }}",
      "{% endif %}Receipt: {{ order.receipt_url }}",
    ),
    footer: null,
  },
};
