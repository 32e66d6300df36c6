import { auditLogRouter } from "./routers/audit-log";
import { flowsRouter } from "./routers/flows";
import { inboundEventsRouter } from "./routers/inbound-events";
import { ordersRouter } from "./routers/orders";
import { sourcesRouter } from "./routers/sources";
import { sessionRouter } from "./routers/session";
import { settingsRouter } from "./routers/settings";
import { usersRouter } from "./routers/users";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  users: usersRouter,
  settings: settingsRouter,
  auditLog: auditLogRouter,
  sources: sourcesRouter,
  inboundEvents: inboundEventsRouter,
  flows: flowsRouter,
  orders: ordersRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
