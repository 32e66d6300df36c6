import "server-only";
import { TRPCError, initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { type UserRole, roleAllows } from "@/lib/roles";
import { type FieldErrors, fieldErrorsOf } from "@/lib/validation/field-errors";
import { clientAddressOf } from "../auth/client-address";
import { type SessionUser, getSessionUser } from "../auth/session";
import { getDb } from "../database";
import { DomainError } from "../errors";

export type Context = { db: Db; user: SessionUser | null; address: string | null };

export async function createTRPCContext({ headers }: { headers: Headers }): Promise<Context> {
  return { db: await getDb(), user: await getSessionUser(), address: clientAddressOf(headers) };
}

function fieldErrorsFrom(cause: unknown): FieldErrors | null {
  if (cause instanceof ZodError) return fieldErrorsOf(cause);
  if (cause instanceof DomainError && cause.fieldErrors) return cause.fieldErrors;
  if (cause instanceof DomainError && cause.field) return { [cause.field]: cause.message };
  return null;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      // Internal errors are logged on the server; their text may hold details the browser must not see.
      message: error.code === "INTERNAL_SERVER_ERROR" ? "Something went wrong on the server; the error was logged." : shape.message,
      data: { ...shape.data, stack: undefined, fieldErrors: fieldErrorsFrom(error.cause) },
    };
  },
});

/** Domain errors and validation errors become the matching tRPC error here, in one place. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
    if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: cause.issues[0]?.message ?? "Invalid input.", cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(mapDomainErrors);

/** Any signed-in, enabled user. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

function requireRole(role: UserRole) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!roleAllows(ctx.user.role, role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${role} role.` });
    }
    return next();
  });
}

/** Any staff role, stated: support work on orders (resend, correct contact, tickets, the attention queue). */
export const agentProcedure = requireRole("agent");

/** Managers and admins: templates, flows, orders. */
export const managerProcedure = requireRole("manager");

/** Admins only: users, settings, channels and credentials, sources. */
export const adminProcedure = requireRole("admin");
