import { ZodError } from "zod";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { closeDatabase } from "../database";
import { EnvError } from "../env";
import { DomainError } from "../errors";
import { type CommandContext, UsageError, createCommandContext } from "./cli-context";
import { channelAdd, channelList } from "./commands/channel-commands";
import { dispatch } from "./commands/dispatch-command";
import { migrate } from "./commands/migrate-command";
import { orderShow } from "./commands/order-commands";
import { orderSample } from "./commands/sample-command";
import { sourceAdd, sourceList } from "./commands/source-commands";
import { templateList } from "./commands/template-commands";
import { userCreate, userList, userResetPassword } from "./commands/user-commands";

/** The admin CLI: `npm run cli -- <command> [options] [--json]`. */
const commands: Record<string, { run: (context: CommandContext) => Promise<void>; usage: string }> = {
  "user:create": { run: userCreate, usage: "user:create --email E --role admin|manager|agent [--password P] [--name N]" },
  "user:list": { run: userList, usage: "user:list [--search S]" },
  "user:reset-password": { run: userResetPassword, usage: "user:reset-password --email E [--password P]" },
  "source:add": { run: sourceAdd, usage: "source:add --kind shopify|woocommerce|stripe|square|pos --name N [--secret S] [--config JSON]" },
  "source:list": { run: sourceList, usage: "source:list" },
  "order:show": { run: orderShow, usage: "order:show <order number or id>" },
  "order:sample": { run: orderSample, usage: "order:sample [--locale es-ES]   (posts a signed sample order to the running app)" },
  "channel:add": { run: channelAdd, usage: "channel:add --provider P --name N [--config JSON] [--credentials JSON] [--base-url URL] [--kind K]" },
  "channel:list": { run: channelList, usage: "channel:list" },
  "template:list": { run: templateList, usage: "template:list" },
  dispatch: { run: dispatch, usage: "dispatch [--max-seconds N] [--concurrency N]" },
  migrate: { run: migrate, usage: "migrate" },
};

function help(): string {
  return ["Usage: npm run cli -- <command> [options] [--json]", "", "Commands:", ...Object.values(commands).map((command) => `  ${command.usage}`)].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const [name, ...rest] = argv.filter((arg) => arg !== "--json");
  if (!name || name === "help" || name === "--help") {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = commands[name];
  const fail = (message: string, code: number) => {
    if (json) console.log(JSON.stringify({ error: message }));
    else console.error(message);
    return code;
  };
  if (!command) return fail(`Unknown command "${name}".\n\n${help()}`, 2);
  try {
    await command.run(createCommandContext(rest, json));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\nUsage: npm run cli -- ${command.usage}`, 2);
    if (error instanceof DomainError || error instanceof DataDirLockedError || error instanceof EnvError) return fail(error.message, 1);
    if (error instanceof ZodError) return fail(`Invalid input: ${error.issues.map((issue) => `${issue.path.join(".") || "value"}: ${issue.message}`).join("; ")}`, 2);
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) return fail(`${error.message}\nUsage: npm run cli -- ${command.usage}`, 2);
    throw error;
  } finally {
    await closeDatabase();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
