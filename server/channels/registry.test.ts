import { describe, expect, it } from "vitest";
import { z } from "zod";
import { providerIds } from "@/lib/channels/provider-ids";
import { channelProviders, providerFor } from "./registry";

/** The object a provider schema validates, through preprocess steps and refinements. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  let current: unknown = schema;
  for (let depth = 0; depth < 5; depth += 1) {
    if (current instanceof z.ZodObject) return current.shape as Record<string, z.ZodType>;
    const def = (current as { def?: { type?: string; out?: unknown; in?: unknown } }).def;
    current = def?.type === "pipe" ? (def.out instanceof z.ZodObject || !(def.in instanceof z.ZodObject) ? def.out : def.in) : undefined;
  }
  throw new Error("not an object schema");
}

const providers = Object.entries(channelProviders);

describe("provider registry", () => {
  it("registers every provider id once, under its own id", () => {
    expect(Object.keys(channelProviders).sort()).toEqual([...providerIds].sort());
    for (const [key, provider] of providers) expect(provider.id, key).toBe(key);
    expect(providerFor("twilio")).toBe(channelProviders.twilio);
    expect(providerFor("not-a-provider")).toBeNull();
  });

  it.each(providers)("%s: every form field is in its schema (secrets in credentials, the rest in config), and every schema key has a field", (_id, provider) => {
    const credentials = shapeOf(provider.credentialsSchema);
    const config = shapeOf(provider.configSchema);
    for (const field of provider.fields) {
      const shape = field.secret ? credentials : config;
      expect(Object.keys(shape), `${field.name} (${field.secret ? "credentials" : "config"})`).toContain(field.name);
      // A field the form marks required is one the schema refuses to go without, and the reverse.
      expect(shape[field.name]!.safeParse(undefined).success, `${field.name} required`).toBe(!field.required);
    }
    const named = provider.fields.map((field) => field.name);
    expect([...Object.keys(credentials), ...Object.keys(config)].filter((key) => !named.includes(key))).toEqual([]);
  });

  it.each(providers)("%s: refuses a one-character secret, naming the field", (_id, provider) => {
    for (const field of provider.fields.filter((candidate) => candidate.secret)) {
      const result = provider.credentialsSchema.safeParse({ [field.name]: "x" });
      expect(result.success, field.name).toBe(false);
      expect(result.error?.issues.some((issue) => issue.path[0] === field.name), `${field.name} named`).toBe(true);
    }
  });
});
