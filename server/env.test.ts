import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("environment", () => {
  it("has working defaults for a newcomer", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, APP_URL: "http://localhost:3000", DATA_DIR: "./data", DATABASE_URL: undefined });
  });

  it("derives APP_URL from PORT, and trims a trailing slash from a given one", () => {
    expect(parseEnv({ PORT: "4100" }).APP_URL).toBe("http://localhost:4100");
    expect(parseEnv({ APP_URL: "https://orders.shop.example/" }).APP_URL).toBe("https://orders.shop.example");
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" })).toMatchObject({ PORT: 3000, DATABASE_URL: undefined });
  });

  it("stops with a message naming each wrong variable", () => {
    const attempt = () => parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", APP_SECRET: "short", ADMIN_EMAIL: "root" });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT: must be a port number/);
      expect(message).toMatch(/DATABASE_URL: must be a postgres/);
      expect(message).toMatch(/APP_SECRET: must be at least 32 characters/);
      expect(message).toMatch(/ADMIN_EMAIL: must be an email address/);
    }
  });
});
