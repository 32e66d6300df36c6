import { z } from "zod";

/**
 * The only module that reads process.env. Values are validated once; a wrong one stops start-up with a
 * message naming the variable. Empty strings count as unset, so `FOO=` in a .env file means "default".
 */
const optionalString = z.string().trim().min(1).optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  APP_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://orders.example.com" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().default("./data"),
  APP_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 48)").optional(),
  ADMIN_EMAIL: z.email("must be an email address").optional(),
  ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  DISPATCH_IN_APP: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default("true")
    .transform((value) => value === "true" || value === "1"),
});

export type Env = z.infer<typeof envSchema> & { APP_URL: string };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => {
      const value = optionalString.safeParse(source[key]).data;
      return [key, value];
    }),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const parsed = result.data;
  return { ...parsed, APP_URL: parsed.APP_URL ?? `http://localhost:${parsed.PORT}` };
}

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    // next-auth v4 reads its base URL from NEXTAUTH_URL; it is derived from APP_URL so there is one setting.
    process.env.NEXTAUTH_URL ??= cached.APP_URL;
  }
  return cached;
}

/** True while `next build` runs: nothing may open the database then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
