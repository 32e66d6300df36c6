import { z } from "zod";

/**
 * The rules of the WhatsApp Cloud API's official description (facebook/openapi,
 * business-messaging-api_v23.0.yaml, `POST /{Version}/{Phone-Number-ID}/messages`) for the two kinds of
 * message Orderbell sends, as zod schemas: the fake refuses what they refuse, and the contract test checks
 * the adapter's bodies against them.
 *
 * - `TextMessage` and `TemplateMessage` are `BaseMessageProperties` (messaging_product, recipient_type,
 *   to, type, context) plus their own property, and the description closes them (additionalProperties:
 *   false): nothing else may be at the top level, so no `biz_opaque_callback_data` (which the description
 *   has only for calls).
 * - The text object is closed too: `body` only.
 * - `TemplateObject` requires `name` and `language`; `LanguageObject` requires `policy` (enum
 *   `deterministic`) and `code`.
 * - A body component's parameters are `ParameterObject`s; a `TextParameter` requires `text`
 *   (maxLength 32768).
 */
const base = {
  messaging_product: z.literal("whatsapp"),
  recipient_type: z.enum(["individual", "group"]),
  to: z.string().min(1),
  context: z.strictObject({ message_id: z.string() }).optional(),
};

const textParameter = z.object({ type: z.literal("text"), text: z.string().min(1).max(32768) });

const templateComponent = z.object({
  type: z.enum(["header", "body", "button"]),
  sub_type: z.enum(["quick_reply", "url", "catalog"]).optional(),
  index: z.string().optional(),
  parameters: z.array(textParameter).optional(),
});

export const whatsappTextMessageSchema = z.strictObject({
  ...base,
  type: z.literal("text"),
  text: z.strictObject({ body: z.string().min(1).max(4096) }),
});

export const whatsappTemplateMessageSchema = z.strictObject({
  ...base,
  type: z.literal("template"),
  template: z.object({
    name: z.string().min(1),
    language: z.object({ policy: z.literal("deterministic"), code: z.string().min(1) }),
    components: z.array(templateComponent).optional(),
  }),
});

export const whatsappMessageSchema = z.discriminatedUnion("type", [whatsappTextMessageSchema, whatsappTemplateMessageSchema]);
