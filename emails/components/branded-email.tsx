import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { OrderLabels } from "@/lib/i18n/order-labels";

/** The store as its emails show it. */
export type EmailStore = {
  name: string;
  brandColor: string;
  logoUrl: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
};

/** The store's colour when it is a plain hex colour (it is put into inline styles), else the default. */
export function brandColorOf(store: Pick<EmailStore, "brandColor">): string {
  return /^#[0-9a-fA-F]{3,8}$/.test(store.brandColor) ? store.brandColor : "#4f46e5";
}

function logoOf(store: EmailStore): string | null {
  return store.logoUrl && /^https?:\/\//.test(store.logoUrl) ? store.logoUrl : null;
}

export const emailText = { color: "#374151", fontSize: "15px", lineHeight: "24px", margin: "0 0 16px" } as const;
export const mutedText = { color: "#6b7280", fontSize: "13px", lineHeight: "20px", margin: "0" } as const;

/** The words of the frame, already in the email's language. */
export type BrandedEmailText = { previewText: string; footer: string; labels: Pick<OrderLabels, "questions"> };

/** The frame every store email shares: brand bar with logo or name, content, support contact and footer. */
export function BrandedEmail({ store, locale, text, children }: { store: EmailStore; locale: string; text: BrandedEmailText; children: ReactNode }) {
  const color = brandColorOf(store);
  const logo = logoOf(store);
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{text.previewText}</Preview>
      <Body style={{ backgroundColor: "#f3f4f6", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: "8px", maxWidth: "600px", overflow: "hidden" }}>
          <Section style={{ backgroundColor: color, padding: "20px 32px" }}>
            {logo ? (
              <Img src={logo} alt={store.name} height="40" style={{ display: "block", maxHeight: "40px", width: "auto" }} />
            ) : (
              <Text style={{ color: "#ffffff", fontSize: "20px", fontWeight: 600, lineHeight: "28px", margin: 0 }}>{store.name}</Text>
            )}
          </Section>
          <Section style={{ padding: "28px 32px 8px" }}>{children}</Section>
          <SupportContact store={store} question={text.labels.questions} />
          <Hr style={{ borderColor: "#e5e7eb", margin: "0 32px" }} />
          <Section style={{ padding: "16px 32px 24px" }}>
            <Text style={{ ...mutedText, fontWeight: 600 }}>{store.name}</Text>
            {text.footer ? <Text style={mutedText}>{text.footer}</Text> : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

function SupportContact({ store, question }: { store: EmailStore; question: string }) {
  if (!store.supportEmail && !store.supportPhone) return null;
  const color = brandColorOf(store);
  return (
    <Section style={{ padding: "8px 32px 20px" }}>
      <Text style={{ ...emailText, margin: 0 }}>
        {`${question} `}
        {store.supportEmail ? (
          <Link href={`mailto:${store.supportEmail}`} style={{ color }}>
            {store.supportEmail}
          </Link>
        ) : null}
        {store.supportEmail && store.supportPhone ? " · " : null}
        {store.supportPhone ? (
          <Link href={`tel:${store.supportPhone.replace(/[^+\d]/g, "")}`} style={{ color }}>
            {store.supportPhone}
          </Link>
        ) : null}
      </Text>
    </Section>
  );
}
