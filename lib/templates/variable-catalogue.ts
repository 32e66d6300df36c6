/**
 * The variables a template can use: what the editor's picker offers, what a saved template is checked
 * against, and what WhatsApp template parameters are chosen from. server/templates/template-variables.ts
 * fills exactly these (a test keeps the two in step). Values are text already formatted for the message's
 * locale: money in the order's currency, dates in words, times in the store's time zone.
 */
export const variableGroups = ["order", "items", "totals", "delivery", "links", "customer", "store"] as const;
export type VariableGroup = (typeof variableGroups)[number];

export const variableGroupLabel: Record<VariableGroup, string> = {
  order: "Order",
  items: "Items",
  totals: "Totals",
  delivery: "Delivery",
  links: "Links",
  customer: "Customer",
  store: "Store",
};

export type CatalogueVariable = {
  /** The dotted name as written in Liquid: `{{ order.number }}`. */
  name: string;
  group: VariableGroup;
  description: string;
  /** What the sample order gives, to show in the picker. */
  example: string;
  /** A list to loop over rather than a value to print. */
  list?: boolean;
  /** Only inside `{% for item in order.items %}`. */
  inItemLoop?: boolean;
};

export const variableCatalogue: CatalogueVariable[] = [
  { name: "order.number", group: "order", description: "The order number as the store shows it.", example: "#1001" },
  { name: "order.status", group: "order", description: "paid, awaiting_payment, cancelled or refunded.", example: "paid" },
  { name: "order.placed_at", group: "order", description: "When the order was placed, in the store's time zone. Empty when the source did not say.", example: "Nov 27, 2026, 2:00 AM" },
  { name: "order.currency", group: "order", description: "The order's ISO currency code.", example: "USD" },
  { name: "order.item_count", group: "order", description: "How many pieces were ordered (quantities added up).", example: "3" },
  { name: "order.items", group: "items", list: true, description: "The items, to loop over: {% for item in order.items %}…{% endfor %}.", example: "2 items" },
  { name: "item.name", group: "items", inItemLoop: true, description: "The product (model) name.", example: "Trail Runner 2" },
  { name: "item.variant", group: "items", inItemLoop: true, description: "Size, colour… Empty when the product has none.", example: "Size 42 / Blue" },
  { name: "item.sku", group: "items", inItemLoop: true, description: "The stock-keeping unit. Empty when unknown.", example: "TR2-42-BL" },
  { name: "item.quantity", group: "items", inItemLoop: true, description: "How many of this item.", example: "1" },
  { name: "item.unit_price", group: "items", inItemLoop: true, description: "The price of one, in the order's currency.", example: "$129.00" },
  { name: "item.line_total", group: "items", inItemLoop: true, description: "Quantity × price.", example: "$129.00" },
  { name: "order.subtotal", group: "totals", description: "The items added up, before discounts, shipping and tax.", example: "$158.00" },
  { name: "order.discount", group: "totals", description: "Discounts taken off (a positive amount).", example: "$15.80" },
  { name: "order.shipping", group: "totals", description: "Shipping charged.", example: "$4.99" },
  { name: "order.tax", group: "totals", description: "Tax charged.", example: "$11.38" },
  { name: "order.total", group: "totals", description: "What the customer paid.", example: "$158.57" },
  { name: "order.delivery_estimate", group: "delivery", description: "The estimated delivery date in words: from the order, else the store's lead time. Empty when neither gives one.", example: "Thursday, December 3, 2026" },
  { name: "order.delivery_estimate_short", group: "delivery", description: "The same date, short: fewer characters (and no weekday) in an SMS.", example: "Dec 3, 2026" },
  { name: "order.receipt_url", group: "links", description: "The customer's web receipt (no login needed).", example: "https://orders.example.com/r/…" },
  { name: "order.tracking_url", group: "links", description: "Where the customer can follow the order: the platform's order status page. Empty when the platform gives none.", example: "https://shop.example/orders/1001" },
  { name: "order.status_url", group: "links", description: "The same page as order.tracking_url (kept for older templates).", example: "https://shop.example/orders/1001" },
  { name: "customer.name", group: "customer", description: "The customer's full name. Empty when unknown.", example: "Ada Lovelace" },
  { name: "customer.first_name", group: "customer", description: "The first word of the name. Empty when unknown: use {{ customer.first_name | default: 'there' }}.", example: "Ada" },
  { name: "customer.email", group: "customer", description: "The customer's email address.", example: "ada@customer.example" },
  { name: "customer.phone", group: "customer", description: "The customer's phone number (E.164).", example: "+14155550132" },
  { name: "store.name", group: "store", description: "The store's name (Settings).", example: "Northwind" },
  { name: "store.support_email", group: "store", description: "The support email address (Settings).", example: "help@northwind.example" },
  { name: "store.support_phone", group: "store", description: "The support phone number (Settings).", example: "+14155550100" },
  { name: "store.brand_color", group: "store", description: "The brand colour (Settings).", example: "#0f766e" },
  { name: "store.logo_url", group: "store", description: "The logo's address (Settings).", example: "https://cdn.example.com/logo.png" },
];

/** Every variable that prints as one value (no list, no loop field): what WhatsApp parameters can use. */
export const scalarVariableNames: string[] = variableCatalogue.filter((variable) => !variable.list && !variable.inItemLoop).map((variable) => variable.name);

/** The fields of one item inside the items loop. */
export const itemFieldNames: string[] = variableCatalogue.filter((variable) => variable.inItemLoop).map((variable) => variable.name.slice("item.".length));

/** What the picker inserts for a variable. */
export function snippetFor(variable: CatalogueVariable): string {
  if (variable.list) return "{% for item in order.items %}\n{{ item.quantity }} × {{ item.name }}{% if item.variant %} ({{ item.variant }}){% endif %}: {{ item.line_total }}\n{% endfor %}";
  return `{{ ${variable.name} }}`;
}
