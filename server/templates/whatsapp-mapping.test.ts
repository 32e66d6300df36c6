import { describe, expect, it } from "vitest";
import { previewWhatsAppTemplate, providerTemplateOf, whatsappMappingInput } from "./whatsapp-mapping";

const variables = { "customer.first_name": "Lucía", "order.number": "#1001", "order.total": "158,57 US$", "order.delivery_estimate": "" };

describe("WhatsApp template mapping", () => {
  it("fills the approved body positionally with the order's values", () => {
    const preview = previewWhatsAppTemplate({ name: "order_confirmation", languageCode: "es", bodyParameters: ["customer.first_name", "order.number", "order.total"], bodyText: "Hola {{1}}, tu pedido {{2}} ({{3}}) está confirmado." }, variables);
    expect(preview).toEqual({
      name: "order_confirmation",
      languageCode: "es",
      parameters: [
        { position: 1, variable: "customer.first_name", value: "Lucía" },
        { position: 2, variable: "order.number", value: "#1001" },
        { position: 3, variable: "order.total", value: "158,57 US$" },
      ],
      filledBody: "Hola Lucía, tu pedido #1001 (158,57 US$) está confirmado.",
      warnings: [],
    });
  });

  it("warns about empty parameters and a count that does not match the body", () => {
    const preview = previewWhatsAppTemplate({ name: "x", languageCode: "en", bodyParameters: ["order.delivery_estimate"], bodyText: "Due {{1}}, order {{2}}" }, variables);
    expect(preview.warnings).toEqual([
      "{{1}} (order.delivery_estimate) is empty for this order, and WhatsApp refuses empty parameters.",
      "The approved body has 2 placeholders but 1 parameter is mapped: WhatsApp refuses a count that does not match.",
    ]);
    expect(preview.filledBody).toBe("Due , order {{2}}");
  });

  it("accepts WhatsApp Manager's names and language codes and catalogue variables only", () => {
    expect(whatsappMappingInput.safeParse({ name: "order_confirmation", languageCode: "es_MX", bodyParameters: ["order.number"], bodyText: "  " }).data).toEqual({ name: "order_confirmation", languageCode: "es_MX", bodyParameters: ["order.number"], bodyText: null });
    expect(whatsappMappingInput.safeParse({ name: "Order Confirmation", languageCode: "es", bodyParameters: [] }).success).toBe(false);
    expect(whatsappMappingInput.safeParse({ name: "x", languageCode: "spanish", bodyParameters: [] }).success).toBe(false);
    expect(whatsappMappingInput.safeParse({ name: "x", languageCode: "es", bodyParameters: ["order.items"] }).success).toBe(false);
    expect(providerTemplateOf({ name: "x", languageCode: "es", bodyParameters: ["order.number"], bodyText: "t" })).toEqual({ name: "x", languageCode: "es", bodyParameters: ["order.number"] });
    expect(providerTemplateOf(null)).toBeNull();
  });
});
