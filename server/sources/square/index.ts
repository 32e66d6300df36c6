import { offlineApi } from "../offline-api";
import type { SourceAdapter } from "../source-adapter";
import { normaliseSquareEvent } from "./normalise";
import { squareConfigFields, squareConfigSchema, squareSecretFields, squareSecretsSchema, type SquareConfig, type SquareSecrets } from "./settings";
import { SQUARE_LEGACY_SIGNATURE_HEADER, SQUARE_SIGNATURE_HEADER, verifySquareSignature } from "./signature";

export type { SquareConfig, SquareSecrets } from "./settings";
export { SQUARE_EVENT_TYPES } from "./normalise";
export { SQUARE_API_VERSION } from "./square-api";

export const squareSource: SourceAdapter<SquareSecrets, SquareConfig> = {
  kind: "square",
  label: "Square",
  secretsSchema: squareSecretsSchema,
  secretFields: squareSecretFields,
  configSchema: squareConfigSchema,
  configFields: squareConfigFields,
  setupSteps: (triggerUrl) => [
    "Open the Square Developer Console (developer.squareup.com/apps) and open your application (create one if you have none).",
    "Pick Production at the top of the page (Sandbox only for tests), then open Webhooks → Subscriptions and click “Add subscription”.",
    `Name it “Orderbell”, set the Notification URL to exactly ${triggerUrl} (Square signs this URL: it must match character for character), and keep the latest API version.`,
    "Under Events select payment.updated, then save the subscription.",
    "Open the subscription, click “Show” next to Signature key, and paste it into Signature key here.",
    "Optional, for line items, tax and the recipient: open Credentials, copy the Production access token, and paste it into Access token here. Leave it empty to confirm orders with a single “Order total” line. (Sandbox: use the Sandbox token and set API base URL to https://connect.squareupsandbox.com.)",
    "Save, then click “Send test event” on the subscription in Square and check that it appears under Inbound events.",
  ],
  sensitiveHeaders: [SQUARE_SIGNATURE_HEADER, SQUARE_LEGACY_SIGNATURE_HEADER],
  verify: (request, secrets, config) => verifySquareSignature(request.headers, request.body, secrets.signatureKey, config.notificationUrl ?? request.url),
  identify: (_request, payload) => {
    const fields = typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>) : {};
    return {
      eventId: typeof fields.event_id === "string" && fields.event_id !== "" ? fields.event_id : null,
      topic: typeof fields.type === "string" && fields.type !== "" ? fields.type : null,
    };
  },
  // The same checks as normalise, without the API key, so nothing is fetched before the answer.
  validate: async (payload) => {
    const result = await normaliseSquareEvent(payload, { signatureKey: "" }, offlineApi);
    return result.kind === "invalid" ? result.reason : null;
  },
  normalise: async (payload, { secrets, api }) => {
    try {
      return await normaliseSquareEvent(payload, secrets, api);
    } catch (error) {
      // Mappers validate before reading, so this is a bug; record it as replayable rather than crash the request.
      return { kind: "invalid", reason: `Could not read this Square event: ${error instanceof Error ? error.message : String(error)}` };
    }
  },
};
