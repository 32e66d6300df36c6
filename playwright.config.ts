import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, findChromium } from "./e2e/support/browser";
import { e2eBaseUrl } from "./e2e/support/e2e-settings";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: e2eBaseUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: findChromium(), args: chromiumArgs } },
    },
  ],
  webServer: {
    // Against `next start` (built by `npm run test:e2e`), which is twice as fast as `next dev`.
    command: "npx tsx e2e/support/start-e2e-server.ts",
    url: `${e2eBaseUrl}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
