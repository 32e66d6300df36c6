import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "@/db/data-dir-lock";

const root = path.resolve(import.meta.dirname, "..", "..");

/** Runs `npm run cli -- …` as a user would (through tsx), on its own embedded database folder. */
function cli(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--import", path.join(root, "scripts/register-server-only.mjs"), path.join(root, "server/cli/index.ts"), ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", APP_URL: "http://127.0.0.1:9" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each call starts Node, tsx and the embedded database: seconds apiece on a loaded machine, so a test of
// several calls gets as long as its calls may take.
describe("admin CLI", { timeout: 240_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "orderbell-cli-"));

  it("creates and lists users, printing JSON with --json", () => {
    const created = cli(dataDir, "user:create", "--email", "Sam@Shop.example", "--role", "agent", "--json");
    expect(created.code, created.stderr).toBe(0);
    const user = JSON.parse(created.stdout);
    expect(user).toMatchObject({ email: "sam@shop.example", role: "agent", generatedPassword: expect.stringMatching(/^[a-z2-9-]{23}$/) });
    const listed = cli(dataDir, "user:list", "--json");
    expect(JSON.parse(listed.stdout).map((row: { email: string }) => row.email)).toContain("sam@shop.example");
    const again = cli(dataDir, "user:create", "--email", "sam@shop.example", "--role", "agent", "--json");
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).error).toMatch(/already exists/);
  });

  it("adds sources and channels, and reports the migration", () => {
    const source = cli(dataDir, "source:add", "--kind", "pos", "--name", "Front till", "--json");
    expect(source.code, source.stderr).toBe(0);
    const added = JSON.parse(source.stdout);
    expect(added).toMatchObject({ kind: "pos", triggerUrl: `http://127.0.0.1:9/api/triggers/${added.id}`, generatedSecrets: { signingSecret: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const sources = JSON.parse(cli(dataDir, "source:list", "--json").stdout);
    expect(sources.map((row: { name: string }) => row.name)).toContain("Front till");
    expect(JSON.stringify(sources)).not.toContain(added.generatedSecrets.signingSecret);

    const channel = cli(dataDir, "channel:add", "--provider", "resend", "--name", "Resend", "--config", '{"fromAddress":"orders@shop.example","fromName":"Shop"}', "--credentials", '{"apiKey":"re_cli_key_0123"}', "--json");
    expect(channel.code, channel.stderr).toBe(0);
    expect(JSON.parse(channel.stdout)).toMatchObject({ provider: "resend", credentialsSet: { apiKey: true } });
    expect(channel.stdout).not.toContain("re_cli_key_0123");
    const channels = JSON.parse(cli(dataDir, "channel:list", "--json").stdout);
    expect(channels.map((row: { name: string }) => row.name)).toEqual(expect.arrayContaining(["Sandbox email", "Sandbox SMS", "Resend"]));

    const migrate = JSON.parse(cli(dataDir, "migrate", "--json").stdout);
    expect(migrate).toMatchObject({ driver: "pglite", pending: 0 });
    expect(migrate.applied).toBe(migrate.latest);
  });

  it("explains usage mistakes with exit code 2", () => {
    const missing = cli(dataDir, "source:add", "--kind", "paypal", "--name", "x");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--kind, one of: shopify, woocommerce, stripe, square, pos/);
    expect(cli(dataDir, "order:show", "#nope").stderr).toMatch(/No order matches/);
    expect(cli(dataDir, "no-such-command").code).toBe(2);
  });

  it("refuses, naming the holder, while another process holds the embedded database", () => {
    const release = lockDataDir(dataDir, "next start (test)");
    try {
      const refused = cli(dataDir, "user:list", "--json");
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout).error).toMatch(/in use by another Orderbell process \(pid \d+: next start \(test\)\)/);
    } finally {
      release();
    }
  });

  it("order:sample says plainly when the app is not running", () => {
    const sample = cli(dataDir, "order:sample", "--json");
    expect(sample.code).toBe(1);
    expect(JSON.parse(sample.stdout).error).toMatch(/Could not reach Orderbell at http:\/\/127\.0\.0\.1:9: is the app running\?/);
  });
});
