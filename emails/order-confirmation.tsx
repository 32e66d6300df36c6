import { Button, Heading, Section, Text } from "@react-email/components";
import { BrandedEmail, brandColorOf, emailText, type EmailStore, mutedText } from "./components/branded-email";
import { OrderLinesTable, type OrderLine, type OrderTotals } from "./components/order-lines-table";

export type OrderConfirmationEmailProps = {
  /** BCP 47 locale the amounts and dates were formatted in; also the document's `lang`. */
  locale: string;
  /** The inbox preview line. */
  previewText: string;
  store: EmailStore;
  /**
   * The store's message (the rendered Liquid body), one HTML string per paragraph. It is trusted markup:
   * Liquid rendered it with every variable HTML-escaped, and only managers write templates.
   */
  introParagraphsHtml: string[];
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

/** The branded order confirmation: the store's message, items, totals, delivery estimate, receipt link. */
export function OrderConfirmationEmail({ locale, previewText, store, introParagraphsHtml, order }: OrderConfirmationEmailProps) {
  const color = brandColorOf(store);
  return (
    <BrandedEmail store={store} locale={locale} previewText={previewText}>
      <Heading as="h1" style={{ color: "#111827", fontSize: "22px", lineHeight: "30px", margin: "0 0 4px" }}>
        {`Order ${order.number}`}
      </Heading>
      {order.placedAt ? <Text style={{ ...mutedText, marginBottom: "20px" }}>{`Placed ${order.placedAt}`}</Text> : null}
      {introParagraphsHtml.map((paragraph, index) => (
        <Text key={index} style={emailText} dangerouslySetInnerHTML={{ __html: paragraph }} />
      ))}
      <OrderLinesTable items={order.items} totals={order} />
      {order.deliveryEstimate ? (
        <Section style={{ backgroundColor: "#f9fafb", borderRadius: "6px", margin: "24px 0 0", padding: "12px 16px" }}>
          <Text style={{ ...mutedText, textTransform: "uppercase", letterSpacing: "0.05em", fontSize: "12px" }}>Estimated delivery</Text>
          <Text style={{ ...emailText, fontWeight: 600, margin: 0 }}>{order.deliveryEstimate}</Text>
        </Section>
      ) : null}
      <Section style={{ margin: "28px 0", textAlign: "center" }}>
        <Button href={order.receiptUrl} style={{ backgroundColor: color, borderRadius: "6px", color: "#ffffff", fontSize: "15px", fontWeight: 600, padding: "12px 24px", textDecoration: "none" }}>
          View your receipt
        </Button>
      </Section>
    </BrandedEmail>
  );
}

OrderConfirmationEmail.PreviewProps = {
  locale: "en-US",
  previewText: "Order #1001 confirmed — thank you, Ada!",
  store: { name: "Northwind Outfitters", brandColor: "#0f766e", logoUrl: null, supportEmail: "help@northwind.example", supportPhone: "+1 415 555 0100" },
  introParagraphsHtml: ["Hi Ada,", "Thank you for your order. Your payment of $158.57 is confirmed and we are getting your order ready."],
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
