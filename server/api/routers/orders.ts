import { z } from "zod";
import { approveOrderTotals, approveTotalsInput, releasePreview } from "../../orders/approve-order-totals";
import { countAttention, dismissAttention, dismissAttentionInput, listAttention, listAttentionInput } from "../../orders/attention-queue";
import { cancelPendingInput, cancelPendingMessages } from "../../orders/cancel-pending";
import { listFilterOptions } from "../../orders/filter-options";
import { getOrder } from "../../orders/get-order";
import { listOrders, listOrdersInput } from "../../orders/list-orders";
import { listTicketChannels, openTicket, openTicketInput } from "../../orders/open-ticket";
import { resendInput, resendNotification } from "../../orders/resend-notification";
import { sendSampleOrder, sendSampleOrderInput } from "../../orders/send-sample-order";
import { updateContact, updateContactInput } from "../../orders/update-contact";
import { listResendChannels } from "../../orders/resend-channels";
import { agentProcedure, createTRPCRouter, managerProcedure } from "../trpc";

export const ordersRouter = createTRPCRouter({
  list: agentProcedure.input(listOrdersInput).query(({ ctx, input }) => listOrders(ctx.db, input)),
  filterOptions: agentProcedure.query(({ ctx }) => listFilterOptions(ctx.db)),
  get: agentProcedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getOrder(ctx.db, input.id)),
  /** Posts a signed sample POS order to this app's own trigger URL, to see the whole flow with no platform. */
  sendSample: managerProcedure.input(sendSampleOrderInput.optional()).mutation(({ ctx, input }) => sendSampleOrder(ctx.db, input)),
  /** What releasing a totals_mismatch order would send, shown before a manager confirms. */
  releasePreview: managerProcedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => releasePreview(ctx.db, input.id)),
  approveTotals: managerProcedure.input(approveTotalsInput).mutation(({ ctx, input }) => approveOrderTotals(ctx.db, ctx.user, input)),
  resend: agentProcedure.input(resendInput).mutation(({ ctx, input }) => resendNotification(ctx.db, ctx.user, input)),
  updateContact: agentProcedure.input(updateContactInput).mutation(({ ctx, input }) => updateContact(ctx.db, ctx.user, input)),
  cancelPending: agentProcedure.input(cancelPendingInput).mutation(({ ctx, input }) => cancelPendingMessages(ctx.db, ctx.user, input)),
  openTicket: agentProcedure.input(openTicketInput).mutation(({ ctx, input }) => openTicket(ctx.db, ctx.user, input)),
  /** Channels a message can be resent through, and those a ticket can be opened through. */
  actionChannels: agentProcedure.query(async ({ ctx }) => ({ resend: await listResendChannels(ctx.db), tickets: await listTicketChannels(ctx.db) })),
  attention: agentProcedure.input(listAttentionInput).query(({ ctx, input }) => listAttention(ctx.db, input)),
  attentionCount: agentProcedure.query(({ ctx }) => countAttention(ctx.db)),
  dismissAttention: agentProcedure.input(dismissAttentionInput).mutation(({ ctx, input }) => dismissAttention(ctx.db, ctx.user, input)),
});
