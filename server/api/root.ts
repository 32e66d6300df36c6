import "server-only";
import { auditLogRouter } from "./routers/audit-log";
import { channelsRouter } from "./routers/channels";
import { customersRouter } from "./routers/customers";
import { flowsRouter } from "./routers/flows";
import { inboundEventsRouter } from "./routers/inbound-events";
import { ordersRouter } from "./routers/orders";
import { sandboxRouter } from "./routers/sandbox";
import { sourcesRouter } from "./routers/sources";
import { templatesRouter } from "./routers/templates";
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
  customers: customersRouter,
  sandbox: sandboxRouter,
  channels: channelsRouter,
  templates: templatesRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
