import { z } from "zod";
import { customerMessagesInput, getCustomer, listCustomerMessages } from "../../customers/get-customer";
import { agentProcedure, createTRPCRouter } from "../trpc";

export const customersRouter = createTRPCRouter({
  get: agentProcedure.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getCustomer(ctx.db, input.id)),
  messages: agentProcedure.input(customerMessagesInput).query(({ ctx, input }) => listCustomerMessages(ctx.db, input)),
});
