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
    // Tests pass the environment on to the processes they start; scripts and e2e run outside the app.
    files: ["server/env.ts", "instrumentation.ts", "scripts/**", "playwright.config.ts", "e2e/**", "bench/**", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
