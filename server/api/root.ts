import { auditLogRouter } from "./routers/audit-log";
import { sessionRouter } from "./routers/session";
import { settingsRouter } from "./routers/settings";
import { usersRouter } from "./routers/users";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  users: usersRouter,
  settings: settingsRouter,
  auditLog: auditLogRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
