/**
 * The templates a new install starts with, in Liquid. The email's subject and opening text are templates;
 * the branded layout around them (logo, items table, totals, receipt button) is emails/order-confirmation.
 */
export const defaultTemplates = {
  email: {
    name: "Order confirmation",
    subject: "Order {{ order.number }} confirmed — thank you{% if customer.first_name %}, {{ customer.first_name }}{% endif %}!",
    // The layout adds the items, totals, delivery estimate, receipt button and support contact after this
    // text (and to the plain-text part), so the text does not repeat them.
    body: [
      "Hi {{ customer.first_name | default: 'there' }},",
      "",
      "Thank you for your order. Your payment of {{ order.total }} is confirmed and we are getting your order ready.",
      "",
      "The details of your order are below, and your receipt is online whenever you need it.",
    ].join("\n"),
  },
  sms: {
    name: "Order confirmation",
    subject: null,
    body: "{{ store.name }}: order {{ order.number }} confirmed, {{ order.total }}.{% if order.delivery_estimate %} Delivery by {{ order.delivery_estimate }}.{% endif %} Receipt: {{ order.receipt_url }}",
  },
} as const;
