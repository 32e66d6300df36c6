import { listAuditActions, listAuditLog, listAuditLogInput } from "../../audit/list-audit-log";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const auditLogRouter = createTRPCRouter({
  list: adminProcedure.input(listAuditLogInput).query(({ ctx, input }) => listAuditLog(ctx.db, input)),
  actions: adminProcedure.query(({ ctx }) => listAuditActions(ctx.db)),
});
