import { parseArgs } from "node:util";
import { createChannel, listChannels } from "../../channel-management/manage-channels";
import { isProviderId, providerIds } from "@/lib/channels/provider-ids";
import { type CommandContext, UsageError } from "../cli-context";

function jsonOption(value: string | undefined, name: string): Record<string, unknown> {
  if (!value) return {};
  try {
    const parsed = JSON.parse(value) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new UsageError(`${name} must be a JSON object, e.g. '{"from":"orders@shop.example"}'`);
}

export async function channelAdd(context: CommandContext) {
  const { values } = parseArgs({
    args: context.args,
    options: { provider: { type: "string" }, name: { type: "string" }, kind: { type: "string" }, config: { type: "string" }, credentials: { type: "string" }, "base-url": { type: "string" } },
  });
  if (!values.provider || !isProviderId(values.provider)) throw new UsageError(`channel:add needs --provider, one of: ${providerIds.join(", ")}`);
  if (!values.name) throw new UsageError("channel:add needs --name");
  const { db } = await context.database();
  const channel = await createChannel(db, null, {
    provider: values.provider,
    name: values.name,
    kind: values.kind as never,
    config: jsonOption(values.config, "--config"),
    credentials: jsonOption(values.credentials, "--credentials"),
    baseUrl: values["base-url"] ?? null,
  });
  context.print(`Created ${channel.providerName} channel "${channel.name}" (${channel.id})\nDelivery status callback URL: ${channel.statusCallbackPath}`, channel);
}

export async function channelList(context: CommandContext) {
  const { db } = await context.database();
  const all = await listChannels(db);
  const lines = all.map((channel) => `${channel.provider.padEnd(16)} ${channel.kind.padEnd(9)} ${channel.enabled ? "enabled " : "disabled"} ${channel.name.padEnd(28)} ${channel.id}`);
  context.print(lines.length ? lines.join("\n") : "No channels yet: add one with channel:add.", all);
}
