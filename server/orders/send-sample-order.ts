import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sources } from "@/db/schema";
import { isValidLocale } from "@/lib/validation/store-settings";
import { deriveKey } from "../crypto/app-secret";
import { env } from "../env";
import { DomainError } from "../errors";
import { getStore } from "../settings/store-settings";
import { hmacSha256 } from "../sources/signatures";
import { openSourceSecrets, sealSourceSecrets } from "../sources/source-secrets";
import { sampleOrderBody } from "./sample-order";

/**
 * The "Sample orders" POS source. Its id and signing secret are derived from APP_SECRET, so the CLI can sign
 * a sample order without opening the database (which the app holds when it is embedded).
 */
export function sampleSourceIdentity(): { id: string; secret: string } {
  const secret = deriveKey("sample-orders-source").toString("hex");
  const hex = createHash("sha256").update(`orderbell-sample-source:${secret}`).digest("hex");
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return { id, secret };
}

/** Creates the sample source on first use, and re-seals its secret if APP_SECRET changed since. */
export async function ensureSampleSource(db: Db): Promise<{ id: string; secret: string }> {
  const identity = sampleSourceIdentity();
  const [existing] = await db.select().from(sources).where(eq(sources.id, identity.id));
  if (!existing) {
    const store = await getStore(db);
    await db
      .insert(sources)
      .values({ id: identity.id, storeId: store.id, kind: "pos", name: "Sample orders", secretsEncrypted: sealSourceSecrets(identity.id, { signingSecret: identity.secret }) })
      .onConflictDoNothing();
  } else {
    let current: string | undefined;
    try {
      current = openSourceSecrets(existing.id, existing.secretsEncrypted).signingSecret;
    } catch {
      current = undefined;
    }
    if (current !== identity.secret || !existing.enabled) {
      await db.update(sources).set({ secretsEncrypted: sealSourceSecrets(existing.id, { signingSecret: identity.secret }), enabled: true }).where(eq(sources.id, existing.id));
    }
  }
  return identity;
}

export type SampleResult = { orderNumber: string; orderExternalId: string; status: number; answer: unknown };

/**
 * Posts a signed sample order to the sample source's trigger URL over real HTTP, exactly as a POS would,
 * so the whole pipeline runs: verification, the order, the flow, dispatch, the sandbox inbox.
 */
export async function postSampleOrder(
  store: { currency: string; defaultCountry: string; defaultLocale: string },
  baseUrl: string,
  options: { locale?: string; fetcher?: typeof fetch } = {},
): Promise<SampleResult> {
  const { id, secret } = sampleSourceIdentity();
  const fetcher = options.fetcher ?? fetch;
  const body = JSON.stringify(sampleOrderBody(store, { locale: options.locale }));
  const timestamp = Math.floor(Date.now() / 1000);
  let response: Response;
  try {
    response = await fetcher(`${baseUrl}/api/triggers/${id}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-orderbell-timestamp": String(timestamp), "x-orderbell-signature": hmacSha256(secret, `${timestamp}.`, body).toString("hex") },
      body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new DomainError("PRECONDITION_FAILED", `Could not reach Orderbell at ${baseUrl}: is the app running?`);
  }
  const parsed = JSON.parse(body) as { order: { number: string; id: string } };
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new DomainError("PRECONDITION_FAILED", `The sample order was refused (${response.status}): ${JSON.stringify(answer)}`);
  return { orderNumber: parsed.order.number, orderExternalId: parsed.order.id, status: response.status, answer };
}

export const sendSampleOrderInput = z.object({
  /** The sample customer's locale (their language); the store's default when not given. */
  locale: z.string().trim().refine(isValidLocale, "Use a locale such as en-US, es-ES or ja-JP.").optional(),
});

/** For the dashboard button: the app posts to itself, on the port it listens on. */
export async function sendSampleOrder(db: Db, input: z.input<typeof sendSampleOrderInput> = {}): Promise<SampleResult> {
  const { locale } = sendSampleOrderInput.parse(input);
  await ensureSampleSource(db);
  const store = await getStore(db);
  return postSampleOrder(store, `http://127.0.0.1:${env().PORT}`, { locale });
}
