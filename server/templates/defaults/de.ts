import { type DefaultTemplateSet, itemLines, lines } from "./default-template-set";

/** German, with Sie, greeting by full name as German shops usually do. */
export const german: DefaultTemplateSet = {
  email: {
    subject: "Ihre Bestellung {{ order.number }} ist bestätigt – vielen Dank!",
    heading: "Bestellung {{ order.number }}",
    body: lines(
      "Hallo{% if customer.name %} {{ customer.name }}{% endif %},",
      "",
      "vielen Dank für Ihre Bestellung! Ihre Zahlung über {{ order.total }} ist bei uns eingegangen, und wir machen Ihre Bestellung jetzt versandfertig.",
      "",
      "Alle Details finden Sie unten. Ihren Beleg können Sie jederzeit online abrufen.",
    ),
    footer: "Sie erhalten diese E-Mail, weil Sie bei {{ store.name }} bestellt haben.",
  },
  sms: {
    subject: null,
    heading: null,
    body: "{{ store.name }}: Bestellung {{ order.number }} über {{ order.total }} bestätigt.{% if order.delivery_estimate %} Voraussichtliche Lieferung: {{ order.delivery_estimate_short }}.{% endif %} Beleg: {{ order.receipt_url }}",
    footer: null,
  },
  messaging: {
    subject: null,
    heading: null,
    body: lines(
      "Hallo{% if customer.name %} {{ customer.name }}{% endif %}, vielen Dank für Ihre Bestellung bei {{ store.name }}!",
      "",
      "Bestellung {{ order.number }}",
      `${itemLines("• ")}Gesamtsumme: {{ order.total }}`,
      "{% if order.delivery_estimate %}Voraussichtliche Lieferung: {{ order.delivery_estimate }}",
      "{% endif %}",
      "Ihr Beleg: {{ order.receipt_url }}",
    ),
    footer: null,
  },
  chat: {
    subject: null,
    heading: null,
    body: lines(
      "Neue Bestellung {{ order.number }}: {{ order.total }}",
      "{{ customer.name | default: 'Gastbestellung' }}{% if customer.email %} · {{ customer.email }}{% endif %}{% if customer.phone %} · {{ customer.phone }}{% endif %}",
      `${itemLines("")}Beleg: {{ order.receipt_url }}`,
    ),
    footer: null,
  },
  crm: {
    subject: "Bestellung {{ order.number }} bestätigt ({{ order.total }})",
    heading: null,
    body: lines(
      "Die Bestellung {{ order.number }} wurde bezahlt und bestätigt{% if order.placed_at %} ({{ order.placed_at }}){% endif %}.",
      "",
      "Kunde: {{ customer.name | default: 'ohne Namen' }}{% if customer.email %}, {{ customer.email }}{% endif %}{% if customer.phone %}, {{ customer.phone }}{% endif %}",
      "",
      "Artikel:",
      `${itemLines("- ")}Gesamtsumme: {{ order.total }}`,
      "{% if order.delivery_estimate %}Voraussichtliche Lieferung: {{ order.delivery_estimate }}",
      "{% endif %}Beleg: {{ order.receipt_url }}",
    ),
    footer: null,
  },
};
