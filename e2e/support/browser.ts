import fs from "node:fs";
import { createRequire } from "node:module";

/**
 * The Chromium the e2e tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the one
 * `npx playwright install chromium` downloads. With none, stop and say what to install.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", playwrightsOwn()].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new Error(
      [
        "No Chromium found for the end-to-end tests. Install one of:",
        "  - Debian/Ubuntu: sudo apt-get install -y chromium   (gives /usr/bin/chromium)",
        "  - Playwright's own: npx playwright install chromium",
        "  - or point CHROMIUM_PATH at an existing Chromium or Chrome binary.",
      ].join("\n"),
    );
  }
  return found;
}

function playwrightsOwn(): string | undefined {
  try {
    const { chromium } = createRequire(import.meta.url)("playwright-core") as typeof import("playwright-core");
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Flags for a headless Chromium in a sandboxed machine with no outside network. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
