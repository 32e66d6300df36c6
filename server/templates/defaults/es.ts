import { type DefaultTemplateSet, itemLines, lines } from "./default-template-set";

/** Spanish, addressing the customer as tú, as most Spanish and Latin American shops do. */
export const spanish: DefaultTemplateSet = {
  email: {
    subject: "¡Gracias por tu compra{% if customer.first_name %}, {{ customer.first_name }}{% endif %}! Pedido {{ order.number }} confirmado",
    heading: "Pedido {{ order.number }}",
    body: lines(
      "Hola{% if customer.first_name %}, {{ customer.first_name }}{% endif %}:",
      "",
      "¡Gracias por tu compra! Hemos recibido tu pago de {{ order.total }} y ya estamos preparando tu pedido.",
      "",
      "Aquí abajo tienes todos los detalles. Tu recibo está disponible en línea para cuando lo necesites.",
    ),
    footer: "Recibes este correo porque has hecho un pedido en {{ store.name }}.",
  },
  sms: {
    subject: null,
    heading: null,
    // Worded to stay within GSM-7 (no á, í, ó, ú), so the SMS costs one segment where it can.
    body: "{{ store.name }}: ¡gracias! Pedido {{ order.number }} confirmado ({{ order.total }}).{% if order.delivery_estimate %} Entrega prevista: {{ order.delivery_estimate_short }}.{% endif %} Recibo: {{ order.receipt_url }}",
    footer: null,
  },
  messaging: {
    subject: null,
    heading: null,
    body: lines(
      "¡Hola{% if customer.first_name %}, {{ customer.first_name }}{% endif %}! Gracias por tu compra en {{ store.name }}.",
      "",
      "Pedido {{ order.number }}",
      `${itemLines("• ")}Total: {{ order.total }}`,
      "{% if order.delivery_estimate %}Entrega prevista: {{ order.delivery_estimate }}",
      "{% endif %}",
      "Tu recibo: {{ order.receipt_url }}",
    ),
    footer: null,
  },
  chat: {
    subject: null,
    heading: null,
    body: lines(
      "Nuevo pedido {{ order.number }}: {{ order.total }}",
      "{{ customer.name | default: 'Cliente invitado' }}{% if customer.email %} · {{ customer.email }}{% endif %}{% if customer.phone %} · {{ customer.phone }}{% endif %}",
      `${itemLines("")}Recibo: {{ order.receipt_url }}`,
    ),
    footer: null,
  },
  crm: {
    subject: "Pedido {{ order.number }} confirmado ({{ order.total }})",
    heading: null,
    body: lines(
      "El pedido {{ order.number }} está pagado y confirmado{% if order.placed_at %} ({{ order.placed_at }}){% endif %}.",
      "",
      "Cliente: {{ customer.name | default: 'sin nombre' }}{% if customer.email %}, {{ customer.email }}{% endif %}{% if customer.phone %}, {{ customer.phone }}{% endif %}",
      "",
      "Artículos:",
      `${itemLines("- ")}Total: {{ order.total }}`,
      "{% if order.delivery_estimate %}Entrega prevista: {{ order.delivery_estimate }}",
      "{% endif %}Recibo: {{ order.receipt_url }}",
    ),
    footer: null,
  },
};
