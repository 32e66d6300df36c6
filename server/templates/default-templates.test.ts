import { describe, expect, it } from "vitest";
import { shippedLanguages } from "@/lib/i18n/order-labels";
import { templateKinds } from "@/lib/templates/template-kinds";
import { checkTemplate } from "./check-template";
import { defaultContentFor, defaultTemplateSets } from "./default-templates";
import { orderInput } from "./order-input.fixture";
import { renderNotification } from "./render-notification";
import { countSmsSegments } from "./sms-segments";

const regionOf = { en: "en-US", es: "es-ES", fr: "fr-FR", de: "de-DE", ja: "ja-JP" } as const;
const currencyOf = { en: "USD", es: "EUR", fr: "EUR", de: "EUR", ja: "JPY" } as const;

function orderIn(language: (typeof shippedLanguages)[number]) {
  return orderInput({ order: { locale: regionOf[language], currency: currencyOf[language] } });
}

describe("the shipped templates", () => {
  it("exist for every kind in every language, and use only catalogue variables", () => {
    for (const language of shippedLanguages) {
      for (const kind of templateKinds) {
        const content = defaultTemplateSets[language][kind];
        expect(content.body.trim(), `${language} ${kind}`).not.toBe("");
        expect(checkTemplate(content), `${language} ${kind}`).toEqual([]);
      }
    }
  });

  it("render for every kind in every language, with no English left in the others", async () => {
    for (const language of shippedLanguages) {
      for (const kind of templateKinds) {
        const rendered = await renderNotification({ ...orderIn(language), template: { ...defaultTemplateSets[language][kind], locale: language }, kind });
        expect(rendered.text, `${language} ${kind}`).toContain("#1001");
        expect(rendered.locale).toBe(regionOf[language]);
        if (language !== "en") expect(rendered.text, `${language} ${kind}`).not.toMatch(/\b(Order|Receipt|Total:|Thank you|Estimated delivery)\b/);
      }
    }
  });

  it("keep the SMS in GSM-7 in English, Spanish, French and German, money formatting included", async () => {
    for (const language of ["en", "es", "fr", "de"] as const) {
      const rendered = await renderNotification({ ...orderIn(language), template: { ...defaultTemplateSets[language].sms, locale: language }, kind: "sms" });
      const count = countSmsSegments(rendered.text);
      expect(count.nonGsmCharacters, `${language}: ${rendered.text}`).toEqual([]);
      expect(count.encoding).toBe("GSM-7");
    }
  });

  it("write the Spanish SMS and email as a Spanish shop would, with the layout in Spanish", async () => {
    const sms = await renderNotification({ ...orderIn("es"), template: { ...defaultTemplateSets.es.sms, locale: "es" }, kind: "sms" });
    expect(sms.text).toBe("Northwind: ¡gracias! Pedido #1001 confirmado (158,57 €). Entrega prevista: 3 dic 2026. Recibo: https://orders.northwind.example/r/tok_abcdefghijklmnopqrstuvwxyz012345");
    const email = await renderNotification({ ...orderIn("es"), template: { ...defaultTemplateSets.es.email, locale: "es" }, kind: "email" });
    expect(email.subject).toBe("¡Gracias por tu compra, Ada! Pedido #1001 confirmado");
    for (const piece of ['lang="es-ES"', "Pedido #1001</h1>", "Hola, Ada:", "Artículo", "Envío", "Impuestos", "Entrega prevista", "Ver tu recibo", "¿Tienes alguna pregunta sobre tu pedido?", "Recibes este correo porque has hecho un pedido en Northwind."]) {
      expect(email.html).toContain(piece);
    }
    expect(email.html).not.toMatch(/View your receipt|Subtotal<\/td>.*Shipping|Estimated delivery/);
  });

  it("format Japanese yen without decimals and write the Japanese email in the polite register", async () => {
    const email = await renderNotification({ ...orderIn("ja"), template: { ...defaultTemplateSets.ja.email, locale: "ja" }, kind: "email" });
    expect(email.subject).toBe("【Northwind】ご注文ありがとうございます（ご注文番号：#1001）");
    for (const piece of ['lang="ja-JP"', "ご注文番号 #1001</h1>", "Ada Lovelace 様", "￥15,857", "￥12,900", "合計", "送料", "お届け予定日", "2026年12月3日木曜日", "領収書を表示する"]) {
      expect(email.html).toContain(piece);
    }
    expect(email.html).not.toMatch(/￥[\d,]+\.\d/);
  });

  it("fall back to English wording for a language Orderbell does not ship", () => {
    expect(defaultContentFor("sms", "pt-BR")).toEqual(defaultTemplateSets.en.sms);
    expect(defaultContentFor("email", "es-MX")).toEqual(defaultTemplateSets.es.email);
  });
});
