import { z } from "zod";
import { createFlow, deleteFlow, flowInput, flowOptions, getFlow, listFlows, updateFlow } from "../../flows/manage-flows";
import { createTRPCRouter, managerProcedure } from "../trpc";

export const flowsRouter = createTRPCRouter({
  list: managerProcedure.query(({ ctx }) => listFlows(ctx.db)),
  get: managerProcedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getFlow(ctx.db, input.id)),
  options: managerProcedure.query(({ ctx }) => flowOptions(ctx.db)),
  create: managerProcedure.input(flowInput).mutation(({ ctx, input }) => createFlow(ctx.db, ctx.user, input)),
  update: managerProcedure.input(z.object({ id: z.uuid(), flow: flowInput })).mutation(({ ctx, input }) => updateFlow(ctx.db, ctx.user, input.id, input.flow)),
  delete: managerProcedure.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => deleteFlow(ctx.db, ctx.user, input.id)),
});
