import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "data/**", ".e2e-data/**", "test-results/**", "playwright-report/**", "db/migrations/**", "next-env.d.ts"],
  },
  {
    rules: {
      // process.env is read in one place, server/env.ts (and by Next's own runtime checks).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through server/env.ts." }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Layers: the browser-side code never reaches the database (nor, for lib/, anything server-side).
    files: ["components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*", "**/db", "**/db/*", "server-only"], message: "components/ and lib/ run in the browser: shared enums and types live in lib/, data comes through tRPC." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db", "@/db/*", "**/db", "**/db/*"], message: "lib/ is shared with the browser: no database." },
            { group: ["@/server/*", "**/server/*", "@/components/*", "**/components/*"], message: "lib/ is the bottom layer, shared by server and browser: it imports neither." },
          ],
        },
      ],
    },
  },
  {
    // Provider adapters get a rendered message and decrypted credentials and return a result: they know
    // nothing of the database, the API layer or the services around them.
    files: ["server/channels/**"],
    ignores: ["server/channels/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/*", "**/db", "**/db/*", "drizzle-orm", "drizzle-orm/*", "@/server/database", "**/server/database", "../../database", "../database"],
              message: "Provider adapters do not touch the database: dispatch and channel management hand them what they need.",
            },
            { group: ["@trpc/*", "@/server/api/*", "**/server/api/*", "../../api/*", "../api/*"], message: "Provider adapters do not know the API layer." },
            {
              group: ["@/server/channel-management/*", "**/channel-management/*", "@/server/dispatch/*", "**/dispatch/*"],
              message: "Provider adapters sit below channel management and dispatch, which call them.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests pass the environment on to the processes they start; scripts and e2e run outside the app.
    files: ["server/env.ts", "instrumentation.ts", "scripts/**", "playwright.config.ts", "e2e/**", "bench/**", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
