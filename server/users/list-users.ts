import { asc, count, ilike, or } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { escapeLike } from "@/db/escape-like";
import { users } from "@/db/schema";
import { offsetOf, pageOf } from "@/lib/pagination";
import { listUsersInput } from "@/lib/validation/users";

export async function listUsers(db: Db, input: z.input<typeof listUsersInput>) {
  const { search, page, pageSize } = listUsersInput.parse(input);
  const pattern = search ? `%${escapeLike(search)}%` : undefined;
  const where = pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined;
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        disabled: users.disabled,
        lastSignInAt: users.lastSignInAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(where)
      .orderBy(asc(users.email))
      .limit(pageSize)
      .offset(offsetOf(page, pageSize)),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return pageOf(rows, totals?.total ?? 0, page, pageSize);
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ total: count() }).from(users);
  return row?.total ?? 0;
}
