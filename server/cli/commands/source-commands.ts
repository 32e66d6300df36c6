import { parseArgs } from "node:util";
import { sourceKinds } from "@/db/schema";
import { createSource, listSources } from "../../sources/manage-sources";
import { adapterFor } from "../../sources/registry";
import { type CommandContext, UsageError } from "../cli-context";

export async function sourceAdd(context: CommandContext) {
  const { values } = parseArgs({
    args: context.args,
    options: { kind: { type: "string" }, name: { type: "string" }, secret: { type: "string" }, config: { type: "string" } },
  });
  if (!values.kind || !sourceKinds.includes(values.kind as never)) throw new UsageError(`source:add needs --kind, one of: ${sourceKinds.join(", ")}`);
  if (!values.name) throw new UsageError("source:add needs --name");
  const adapter = adapterFor(values.kind as (typeof sourceKinds)[number]);
  // --secret fills the platform's main secret: the first required one it does not generate itself.
  const main = adapter.secretFields.find((field) => field.required && !field.generated) ?? adapter.secretFields[0];
  const secrets = values.secret && main ? { [main.name]: values.secret } : {};
  let config: Record<string, string> = {};
  if (values.config) {
    try {
      config = JSON.parse(values.config) as Record<string, string>;
    } catch {
      throw new UsageError("--config must be a JSON object");
    }
  }
  const { db } = await context.database();
  const { source, generatedSecrets } = await createSource(db, null, { kind: values.kind as never, name: values.name, secrets, config });
  const lines = [`Created ${adapter.label} source "${source.name}" (${source.id})`, `Trigger URL: ${source.triggerUrl}`];
  if (generatedSecrets) for (const [name, value] of Object.entries(generatedSecrets)) lines.push(`Generated ${name} (shown once): ${value}`);
  lines.push("", "Set-up:", ...source.setupSteps.map((step, index) => `  ${index + 1}. ${step}`));
  context.print(lines.join("\n"), { id: source.id, kind: source.kind, name: source.name, triggerUrl: source.triggerUrl, enabled: source.enabled, generatedSecrets });
}

export async function sourceList(context: CommandContext) {
  const { db } = await context.database();
  const all = await listSources(db);
  const lines = all.map((source) => `${source.kind.padEnd(12)} ${source.enabled ? "enabled " : "disabled"} ${source.name.padEnd(28)} ${source.triggerUrl}`);
  context.print(lines.length ? lines.join("\n") : "No sources yet: add one with source:add.", all.map(({ setupSteps: _steps, ...source }) => source));
}
