import { Button, Heading, Section, Text } from "@react-email/components";
import { type OrderLabels, fillLabel, orderLabelsFor } from "@/lib/i18n/order-labels";
import { BrandedEmail, brandColorOf, emailText, type EmailStore, mutedText } from "./components/branded-email";
import { OrderLinesTable, type OrderLine, type OrderTotals } from "./components/order-lines-table";

export type OrderConfirmationEmailProps = {
  /** BCP 47 locale the amounts and dates were formatted in; also the document's `lang`. */
  locale: string;
  /** The inbox preview line. */
  previewText: string;
  /** The fixed words of the layout, in the template's language (lib/i18n/order-labels.ts). */
  labels: OrderLabels;
  store: EmailStore;
  /** The store's heading (the rendered Liquid heading); empty leaves it out. */
  heading: string;
  /**
   * The store's message (the rendered Liquid body), one HTML string per paragraph. It is trusted markup:
   * Liquid rendered it with every variable HTML-escaped, and only managers write templates.
   */
  introParagraphsHtml: string[];
  /** The footer line (the rendered Liquid footer), as text. */
  footer: string;
  order: OrderTotals & {
    number: string;
    /** Already formatted in the store's time zone. */
    placedAt: string | null;
    items: OrderLine[];
    /** Already formatted, e.g. "Thursday, December 3, 2026". */
    deliveryEstimate: string | null;
    receiptUrl: string;
  };
};

/**
 * The branded order confirmation: the store's heading and message, items, totals, delivery estimate,
 * receipt link and footer. A pure function of its props: every word arrives rendered or translated.
 */
export function OrderConfirmationEmail({ locale, previewText, labels, store, heading, introParagraphsHtml, footer, order }: OrderConfirmationEmailProps) {
  const color = brandColorOf(store);
  return (
    <BrandedEmail store={store} locale={locale} text={{ previewText, footer, labels }}>
      {heading ? (
        <Heading as="h1" style={{ color: "#111827", fontSize: "22px", lineHeight: "30px", margin: "0 0 4px" }}>
          {heading}
        </Heading>
      ) : null}
      {order.placedAt ? <Text style={{ ...mutedText, marginBottom: "20px" }}>{fillLabel(labels.placed, { date: order.placedAt })}</Text> : null}
      {introParagraphsHtml.map((paragraph, index) => (
        <Text key={index} style={emailText} dangerouslySetInnerHTML={{ __html: paragraph }} />
      ))}
      <OrderLinesTable items={order.items} totals={order} labels={labels} />
      {order.deliveryEstimate ? (
        <Section style={{ backgroundColor: "#f9fafb", borderRadius: "6px", margin: "24px 0 0", padding: "12px 16px" }}>
          <Text style={{ ...mutedText, textTransform: "uppercase", letterSpacing: "0.05em", fontSize: "12px" }}>{labels.estimatedDelivery}</Text>
          <Text style={{ ...emailText, fontWeight: 600, margin: 0 }}>{order.deliveryEstimate}</Text>
        </Section>
      ) : null}
      <Section style={{ margin: "28px 0", textAlign: "center" }}>
        <Button href={order.receiptUrl} style={{ backgroundColor: color, borderRadius: "6px", color: "#ffffff", fontSize: "15px", fontWeight: 600, padding: "12px 24px", textDecoration: "none" }}>
          {labels.viewReceipt}
        </Button>
      </Section>
    </BrandedEmail>
  );
}

OrderConfirmationEmail.PreviewProps = {
  locale: "en-US",
  previewText: "Order #1001 confirmed — thank you, Ada!",
  labels: orderLabelsFor("en-US"),
  store: { name: "Northwind Outfitters", brandColor: "#0f766e", logoUrl: null, supportEmail: "help@northwind.example", supportPhone: "+1 415 555 0100" },
  heading: "Order #1001",
  introParagraphsHtml: ["Hi Ada,", "Thank you for your order. Your payment of $158.57 is confirmed and we are getting your order ready."],
  footer: "You are receiving this email because you placed an order with Northwind Outfitters.",
  order: {
    number: "#1001",
    placedAt: "Nov 27, 2026, 2:00 AM",
    items: [
      { name: "Trail Runner 2", variant: "Size 42 / Blue", quantity: 1, unitPrice: "$129.00", lineTotal: "$129.00" },
      { name: "Merino Socks", variant: "M", quantity: 2, unitPrice: "$14.50", lineTotal: "$29.00" },
    ],
    subtotal: "$158.00",
    discount: "-$15.80",
    shipping: "$4.99",
    tax: "$11.38",
    total: "$158.57",
    deliveryEstimate: "Thursday, December 3, 2026",
    receiptUrl: "https://orders.northwind.example/r/sample-receipt-token",
  },
} satisfies OrderConfirmationEmailProps;

export default OrderConfirmationEmail;
