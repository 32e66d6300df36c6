import { randomBytes } from "node:crypto";
import { startFakeHttpServer, type CapturedRequest, type FakeHttpServer, type FakeResponse } from "@/server/testing/fake-http-server";
import type { StatusCallbackRequest } from "../channel-provider";
import { whatsappMessageSchema } from "./message-schema";
import { hubSignature } from "./meta-graph";

/**
 * A stand-in for the WhatsApp Cloud API `POST /{version}/{phone-number-id}/messages` that enforces the
 * contract: Bearer token, JSON, the body valid against the official v23.0 description's rules
 * (message-schema.ts: closed objects, language with policy), `to` as digits only, a known template with
 * the right language and number of body parameters, parameter text rules, text ≤ 4096; and answers with
 * Meta's real shapes: `{messaging_product, contacts, messages:[{id:"wamid…"}]}` or the Graph error object.
 * Like the real API, free text outside the 24-hour window is accepted and fails later, in a status webhook
 * (131047): `statusCallback` builds that webhook. Failures are picked by the recipient:
 *   15550000429  400 130429 throughput      15550001056  400 131056 pair rate limit
 *   15550080007  400 80007 WABA rate limit  15550000017  400 17 app rate limit
 *   15550001026  400 131026 undeliverable   15550000500  500 131000 something went wrong
 */
export type FakeWhatsAppOptions = {
  accessToken: string;
  phoneNumberId: string;
  apiVersion?: string;
  /** Approved templates: name → language code and number of body parameters. */
  templates: Record<string, { language: string; parameters: number }>;
};

export type FakeWhatsApp = FakeHttpServer & { accepted: Array<{ id: string; body: Record<string, unknown> }> };

export const graphError = (status: number, error: { code: number; message: string; type?: string; error_subcode?: number; details?: string }, headers?: Record<string, string>): FakeResponse => ({
  status,
  headers,
  body: {
    error: {
      message: error.message,
      type: error.type ?? "OAuthException",
      code: error.code,
      ...(error.error_subcode !== undefined ? { error_subcode: error.error_subcode } : {}),
      ...(error.details ? { error_data: { messaging_product: "whatsapp", details: error.details } } : {}),
      fbtrace_id: `A${randomBytes(8).toString("base64url")}`,
    },
  },
});

const invalidParameter = (details: string) => graphError(400, { code: 100, message: "(#100) Invalid parameter", details });

const SCENARIOS: Record<string, FakeResponse> = {
  "15550000429": graphError(400, { code: 130429, message: "(#130429) Rate limit hit", details: "Cloud API message throughput has been reached." }),
  "15550001056": graphError(400, { code: 131056, message: "(#131056) (Business Account, Consumer Account) pair rate limit hit", details: "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time." }),
  "15550080007": graphError(400, { code: 80007, message: "(#80007) Rate limit issues", details: "The WhatsApp Business Account has reached its rate limit." }),
  "15550000017": graphError(400, { code: 17, message: "(#17) User request limit reached" }),
  "15550001026": graphError(400, { code: 131026, message: "(#131026) Message Undeliverable", details: "Message failed to send because the recipient is not a WhatsApp user." }),
  "15550000500": graphError(500, { code: 131000, message: "(#131000) Something went wrong", details: "Message failed to send due to an unknown error." }),
};

function checkTemplate(template: unknown, options: FakeWhatsAppOptions): FakeResponse | null {
  const { name, language, components } = (template ?? {}) as { name?: unknown; language?: { code?: unknown }; components?: unknown };
  if (typeof name !== "string") return invalidParameter("template.name is required");
  if (typeof language?.code !== "string") return invalidParameter("template.language.code is required");
  const known = options.templates[name];
  if (!known || known.language !== language.code) {
    return graphError(404, { code: 132001, message: "(#132001) Template name does not exist in the translation", details: `template name (${name}) does not exist in ${language.code}` });
  }
  const body = Array.isArray(components) ? (components as Array<{ type?: unknown; parameters?: unknown }>).find((component) => component.type === "body") : undefined;
  const parameters = Array.isArray(body?.parameters) ? (body.parameters as Array<{ type?: unknown; text?: unknown }>) : [];
  for (const parameter of parameters) {
    if (parameter.type !== "text" || typeof parameter.text !== "string" || parameter.text === "") return invalidParameter("Parameter of type text is missing text value");
    if (/[\n\t]| {5,}/.test(parameter.text)) return invalidParameter("Param text cannot have new-line/tab characters or more than 4 consecutive spaces");
  }
  if (parameters.length !== known.parameters) {
    return graphError(400, { code: 132000, message: "(#132000) Number of parameters does not match the expected number of params", details: `body: number of localizable_params (${parameters.length}) does not match the expected number of params (${known.parameters})` });
  }
  return null;
}

export async function startFakeWhatsApp(options: FakeWhatsAppOptions): Promise<FakeWhatsApp> {
  const accepted: FakeWhatsApp["accepted"] = [];
  const version = options.apiVersion ?? "v23.0";

  const handle = (request: CapturedRequest): FakeResponse => {
    if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
      return graphError(401, { code: 190, message: "Invalid OAuth access token - Cannot parse access token" });
    }
    const path = /^\/(v\d+\.\d+)\/(\d+)\/messages$/.exec(request.path);
    if (!path || path[1] !== version) return graphError(400, { code: 2500, message: "Unknown path components: " + request.path });
    if (path[2] !== options.phoneNumberId) {
      return graphError(400, { code: 100, error_subcode: 33, type: "GraphMethodException", message: `Unsupported post request. Object with ID '${path[2]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.` });
    }
    if (request.method !== "POST") return graphError(400, { code: 100, message: "Unsupported method" });
    if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) return invalidParameter("Content-Type must be application/json");

    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.text) as Record<string, unknown>;
    } catch {
      return invalidParameter("Request body is not valid JSON");
    }
    const valid = whatsappMessageSchema.safeParse(body);
    if (!valid.success) {
      const issue = valid.error.issues[0]!;
      return invalidParameter(`${issue.path.join(".") || "body"}: ${issue.message}`);
    }
    if (body.recipient_type !== "individual") return invalidParameter("recipient_type must be individual");
    if (typeof body.to !== "string" || !/^\d{7,15}$/.test(body.to)) return invalidParameter(`Invalid 'to' parameter: ${String(body.to)}`);
    if (body.type === "template") {
      const problem = checkTemplate(body.template, options);
      if (problem) return problem;
    } else if (body.type === "text") {
      const text = (body.text as { body?: unknown } | undefined)?.body;
      if (typeof text !== "string" || text === "") return invalidParameter("text.body is required");
      if (text.length > 4096) return invalidParameter("text.body is too long (max 4096)");
    } else {
      return invalidParameter(`Unsupported message type: ${String(body.type)}`);
    }

    const scenario = SCENARIOS[body.to];
    if (scenario) return scenario;

    const id = `wamid.${Buffer.from(`${body.to}:${randomBytes(12).toString("hex")}`).toString("base64")}`;
    accepted.push({ id, body });
    return { status: 200, body: { messaging_product: "whatsapp", contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id, message_status: "accepted" }] } };
  };

  const server = await startFakeHttpServer(handle);
  return Object.assign(server, { accepted });
}

export type FakeWhatsAppStatus = { id: string; status: "sent" | "delivered" | "read" | "failed"; recipient_id: string; errors?: Array<{ code: number; title: string; message?: string; error_data?: { details: string } }> };

/** A `messages` webhook carrying statuses of one phone number, signed with the app secret as Meta does. */
export function whatsappStatusCallback(appSecret: string, phoneNumberId: string, statuses: FakeWhatsAppStatus[], timestamp = 1_764_237_600): StatusCallbackRequest {
  const body = Buffer.from(
    JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "102290129340398",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "15550783881", phone_number_id: phoneNumberId },
                statuses: statuses.map((status) => ({ ...status, timestamp: String(timestamp), pricing: { billable: true, pricing_model: "PMP", category: "utility" } })),
              },
            },
          ],
        },
      ],
    }),
  );
  const headers = new Headers({ "content-type": "application/json", "x-hub-signature-256": hubSignature(appSecret, body), "user-agent": "facebookexternalua" });
  return { url: "https://orders.shop.example/api/status/channel-1", method: "POST", headers, body };
}
