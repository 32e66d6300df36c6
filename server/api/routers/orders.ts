import { z } from "zod";
import { approveOrderTotals } from "../../orders/approve-order-totals";
import { getOrder } from "../../orders/get-order";
import { listOrders, listOrdersInput } from "../../orders/list-orders";
import { sendSampleOrder, sendSampleOrderInput } from "../../orders/send-sample-order";
import { createTRPCRouter, managerProcedure, protectedProcedure } from "../trpc";

export const ordersRouter = createTRPCRouter({
  list: protectedProcedure.input(listOrdersInput).query(({ ctx, input }) => listOrders(ctx.db, input)),
  get: protectedProcedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getOrder(ctx.db, input.id)),
  /** Posts a signed sample POS order to this app's own trigger URL, to see the whole flow with no platform. */
  sendSample: managerProcedure.input(sendSampleOrderInput.optional()).mutation(({ ctx, input }) => sendSampleOrder(ctx.db, input)),
  approveTotals: managerProcedure.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => approveOrderTotals(ctx.db, ctx.user, input.id)),
});
