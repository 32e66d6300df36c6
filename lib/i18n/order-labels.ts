/**
 * The fixed words around an order, per language: the branded email's layout, its plain-text part and the
 * customer's receipt page. Plain strings with {placeholders}, so they can be passed as props, to the
 * browser too, and a layout rendered once per template can keep its placeholders.
 */
export type OrderLabels = {
  order: string;
  placed: string;
  item: string;
  quantity: string;
  price: string;
  lineTotal: string;
  subtotal: string;
  discounts: string;
  shipping: string;
  tax: string;
  total: string;
  estimatedDelivery: string;
  viewReceipt: string;
  questions: string;
  receiptTitle: string;
  paid: string;
  paidOn: string;
  awaitingPayment: string;
  cancelled: string;
  refunded: string;
  confirmationSentTo: string;
  orderStatus: string;
  trackOrder: string;
  print: string;
  sku: string;
  items: string;
};

const en: OrderLabels = {
  order: "Order {number}",
  placed: "Placed {date}",
  item: "Item",
  quantity: "Qty",
  price: "Price",
  lineTotal: "Total",
  subtotal: "Subtotal",
  discounts: "Discounts",
  shipping: "Shipping",
  tax: "Tax",
  total: "Total",
  estimatedDelivery: "Estimated delivery",
  viewReceipt: "View your receipt",
  questions: "Questions about your order?",
  receiptTitle: "Receipt for order {number}",
  paid: "Paid",
  paidOn: "Paid · {date}",
  awaitingPayment: "Awaiting payment: the payment for this order has not been confirmed yet.",
  cancelled: "This order was cancelled.",
  refunded: "This order was refunded.",
  confirmationSentTo: "Confirmation sent to",
  orderStatus: "Order status",
  trackOrder: "Track your order",
  print: "Print receipt",
  sku: "SKU {sku}",
  items: "Items",
};

const es: OrderLabels = {
  order: "Pedido {number}",
  placed: "Realizado el {date}",
  item: "Artículo",
  quantity: "Cant.",
  price: "Precio",
  lineTotal: "Importe",
  subtotal: "Subtotal",
  discounts: "Descuentos",
  shipping: "Envío",
  tax: "Impuestos",
  total: "Total",
  estimatedDelivery: "Entrega prevista",
  viewReceipt: "Ver tu recibo",
  questions: "¿Tienes alguna pregunta sobre tu pedido?",
  receiptTitle: "Recibo del pedido {number}",
  paid: "Pagado",
  paidOn: "Pagado · {date}",
  awaitingPayment: "Pendiente de pago: todavía no hemos recibido la confirmación del pago de este pedido.",
  cancelled: "Este pedido se ha cancelado.",
  refunded: "Este pedido se ha reembolsado.",
  confirmationSentTo: "Confirmación enviada a",
  orderStatus: "Estado del pedido",
  trackOrder: "Seguir tu pedido",
  print: "Imprimir recibo",
  sku: "Ref. {sku}",
  items: "Artículos",
};

const fr: OrderLabels = {
  order: "Commande {number}",
  placed: "Passée le {date}",
  item: "Article",
  quantity: "Qté",
  price: "Prix unitaire",
  lineTotal: "Montant",
  subtotal: "Sous-total",
  discounts: "Remises",
  shipping: "Livraison",
  tax: "Taxes",
  total: "Total",
  estimatedDelivery: "Livraison estimée",
  viewReceipt: "Voir votre reçu",
  questions: "Une question sur votre commande\u00a0?",
  receiptTitle: "Reçu de la commande {number}",
  paid: "Payée",
  paidOn: "Payée · {date}",
  awaitingPayment: "En attente de paiement\u00a0: le paiement de cette commande n’a pas encore été confirmé.",
  cancelled: "Cette commande a été annulée.",
  refunded: "Cette commande a été remboursée.",
  confirmationSentTo: "Confirmation envoyée à",
  orderStatus: "Suivi de commande",
  trackOrder: "Suivre votre commande",
  print: "Imprimer le reçu",
  sku: "Réf. {sku}",
  items: "Articles",
};

const de: OrderLabels = {
  order: "Bestellung {number}",
  placed: "Bestellt am {date}",
  item: "Artikel",
  quantity: "Menge",
  price: "Einzelpreis",
  lineTotal: "Betrag",
  subtotal: "Zwischensumme",
  discounts: "Rabatte",
  shipping: "Versand",
  tax: "MwSt.",
  total: "Gesamtsumme",
  estimatedDelivery: "Voraussichtliche Lieferung",
  viewReceipt: "Beleg ansehen",
  questions: "Fragen zu Ihrer Bestellung?",
  receiptTitle: "Beleg zur Bestellung {number}",
  paid: "Bezahlt",
  paidOn: "Bezahlt · {date}",
  awaitingPayment: "Zahlung ausstehend: Die Zahlung für diese Bestellung wurde noch nicht bestätigt.",
  cancelled: "Diese Bestellung wurde storniert.",
  refunded: "Diese Bestellung wurde erstattet.",
  confirmationSentTo: "Bestätigung gesendet an",
  orderStatus: "Bestellstatus",
  trackOrder: "Sendung verfolgen",
  print: "Beleg drucken",
  sku: "Art.-Nr. {sku}",
  items: "Artikel",
};

const ja: OrderLabels = {
  order: "ご注文番号 {number}",
  placed: "ご注文日時：{date}",
  item: "商品",
  quantity: "数量",
  price: "単価",
  lineTotal: "金額",
  subtotal: "小計",
  discounts: "割引",
  shipping: "送料",
  tax: "消費税",
  total: "合計",
  estimatedDelivery: "お届け予定日",
  viewReceipt: "領収書を表示する",
  questions: "ご不明な点がございましたら、お気軽にお問い合わせください：",
  receiptTitle: "ご注文 {number} の領収書",
  paid: "お支払い済み",
  paidOn: "お支払い済み・{date}",
  awaitingPayment: "お支払い待ち：このご注文のお支払いはまだ確認できておりません。",
  cancelled: "このご注文はキャンセルされました。",
  refunded: "このご注文は返金されました。",
  confirmationSentTo: "ご注文確認の送信先",
  orderStatus: "配送状況",
  trackOrder: "配送状況を確認する",
  print: "領収書を印刷",
  sku: "品番 {sku}",
  items: "商品",
};

/** The languages Orderbell ships words for: its default templates and these labels. */
export const shippedLanguages = ["en", "es", "fr", "de", "ja"] as const;
export type ShippedLanguage = (typeof shippedLanguages)[number];

const labelsByLanguage: Record<ShippedLanguage, OrderLabels> = { en, es, fr, de, ja };

/** The language part of a locale: "es" for "es-MX". */
export function languageOf(locale: string): string {
  return locale.trim().replace(/_/g, "-").split("-")[0]!.toLowerCase();
}

export function isShippedLanguage(language: string): language is ShippedLanguage {
  return (shippedLanguages as readonly string[]).includes(language);
}

/** The labels for the first of the locales whose language Orderbell ships, else English. */
export function orderLabelsFor(...locales: Array<string | null | undefined>): OrderLabels {
  for (const locale of locales) {
    const language = locale ? languageOf(locale) : "";
    if (isShippedLanguage(language)) return labelsByLanguage[language];
  }
  return en;
}

/** Fills {placeholders}: fillLabel("Order {number}", { number: "#1001" }). */
export function fillLabel(label: string, values: Record<string, string>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
