import { z } from "zod";
import { getInboundEvent, listInboundEvents, listInboundEventsInput } from "../../triggers/list-inbound-events";
import { replayInboundEvent } from "../../triggers/replay-inbound-event";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const inboundEventsRouter = createTRPCRouter({
  list: adminProcedure.input(listInboundEventsInput).query(({ ctx, input }) => listInboundEvents(ctx.db, input)),
  get: adminProcedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getInboundEvent(ctx.db, input.id)),
  replay: adminProcedure.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => replayInboundEvent(ctx.db, ctx.user, input.id)),
});
