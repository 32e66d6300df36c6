import { type DefaultTemplateSet, itemLines, lines } from "./default-template-set";

/** French, with vous, and the space French puts before ! ? and :. */
export const french: DefaultTemplateSet = {
  email: {
    subject: "Votre commande {{ order.number }} est confirmée — merci{% if customer.first_name %} {{ customer.first_name }}{% endif %} !",
    heading: "Commande {{ order.number }}",
    body: lines(
      "Bonjour{% if customer.first_name %} {{ customer.first_name }}{% endif %},",
      "",
      "Merci pour votre commande ! Nous avons bien reçu votre paiement de {{ order.total }} et nous préparons déjà votre colis.",
      "",
      "Vous trouverez le détail de votre commande ci-dessous. Votre reçu reste consultable en ligne à tout moment.",
    ),
    footer: "Vous recevez cet e-mail car vous avez passé commande chez {{ store.name }}.",
  },
  sms: {
    subject: null,
    heading: null,
    // "récapitulatif" rather than "reçu": ç is not in GSM-7 and would make every SMS cost more.
    body: "{{ store.name }} : commande {{ order.number }} confirmée ({{ order.total }}).{% if order.delivery_estimate %} Livraison prévue le {{ order.delivery_estimate_short }}.{% endif %} Votre récapitulatif : {{ order.receipt_url }}",
    footer: null,
  },
  messaging: {
    subject: null,
    heading: null,
    body: lines(
      "Bonjour{% if customer.first_name %} {{ customer.first_name }}{% endif %}, merci pour votre commande chez {{ store.name }} !",
      "",
      "Commande {{ order.number }}",
      `${itemLines("• ")}Total : {{ order.total }}`,
      "{% if order.delivery_estimate %}Livraison prévue le {{ order.delivery_estimate }}",
      "{% endif %}",
      "Votre reçu : {{ order.receipt_url }}",
    ),
    footer: null,
  },
  chat: {
    subject: null,
    heading: null,
    body: lines(
      "Nouvelle commande {{ order.number }} : {{ order.total }}",
      "{{ customer.name | default: 'Client invité' }}{% if customer.email %} · {{ customer.email }}{% endif %}{% if customer.phone %} · {{ customer.phone }}{% endif %}",
      `${itemLines("")}Reçu : {{ order.receipt_url }}`,
    ),
    footer: null,
  },
  crm: {
    subject: "Commande {{ order.number }} confirmée ({{ order.total }})",
    heading: null,
    body: lines(
      "La commande {{ order.number }} a été payée et confirmée{% if order.placed_at %} le {{ order.placed_at }}{% endif %}.",
      "",
      "Client : {{ customer.name | default: 'non renseigné' }}{% if customer.email %}, {{ customer.email }}{% endif %}{% if customer.phone %}, {{ customer.phone }}{% endif %}",
      "",
      "Articles :",
      `${itemLines("- ")}Total : {{ order.total }}`,
      "{% if order.delivery_estimate %}Livraison prévue le {{ order.delivery_estimate }}",
      "{% endif %}Reçu : {{ order.receipt_url }}",
    ),
    footer: null,
  },
};
