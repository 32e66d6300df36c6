import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // `server-only` throws unless a bundler resolves it for the server; tests run server code directly.
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "scripts/server-only-empty.ts") } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    // Integration tests start PGlite and migrate it; on a loaded 2-core machine that can take seconds.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Tests never touch ./data: secrets are derived from a fixed test APP_SECRET.
    env: { APP_SECRET: "vitest-app-secret-that-is-long-enough-0123456789", DATA_DIR: ".test-data", APP_URL: "http://localhost:3999" },
  },
});
