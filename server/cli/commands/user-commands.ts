import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { userRoles } from "@/lib/roles";
import { createUser } from "../../users/create-user";
import { listUsers } from "../../users/list-users";
import { resetUserPassword } from "../../users/update-user";
import { type CommandContext, UsageError } from "../cli-context";

export async function userCreate(context: CommandContext) {
  const { values } = parseArgs({
    args: context.args,
    options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  if (!values.email) throw new UsageError("user:create needs --email");
  if (!values.role || !userRoles.includes(values.role as never)) throw new UsageError(`user:create needs --role, one of: ${userRoles.join(", ")}`);
  const { db } = await context.database();
  const result = await createUser(db, null, { email: values.email, password: values.password, role: values.role as never, name: values.name });
  context.print(
    `Created ${result.user.role} ${result.user.email} (${result.user.id})` +
      (result.generatedPassword ? `\nGenerated password (shown once): ${result.generatedPassword}` : ""),
    { ...result.user, generatedPassword: result.generatedPassword },
  );
}

export async function userList(context: CommandContext) {
  const { values } = parseArgs({ args: context.args, options: { search: { type: "string" } } });
  const { db } = await context.database();
  const all = [];
  for (let page = 1; ; page++) {
    const result = await listUsers(db, { search: values.search, page, pageSize: 100 });
    all.push(...result.items);
    if (page >= result.pageCount) break;
  }
  const lines = all.map((user) => `${user.email.padEnd(36)} ${user.role.padEnd(8)} ${user.disabled ? "disabled" : "active"}  ${user.id}`);
  context.print(lines.length ? lines.join("\n") : "No users.", all);
}

export async function userResetPassword(context: CommandContext) {
  const { values } = parseArgs({ args: context.args, options: { email: { type: "string" }, password: { type: "string" } } });
  if (!values.email) throw new UsageError("user:reset-password needs --email");
  const { db } = await context.database();
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, values.email.toLowerCase()));
  if (!user) throw new UsageError(`No user with the email ${values.email}`);
  const result = await resetUserPassword(db, null, user.id, values.password);
  context.print(
    `Password reset for ${user.email}` + (result.generatedPassword ? `\nGenerated password (shown once): ${result.generatedPassword}` : ""),
    { id: user.id, email: user.email, generatedPassword: result.generatedPassword },
  );
}
