import { listSandboxMessages, listSandboxMessagesInput } from "../../sandbox/list-sandbox-messages";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const sandboxRouter = createTRPCRouter({
  list: protectedProcedure.input(listSandboxMessagesInput).query(({ ctx, input }) => listSandboxMessages(ctx.db, input)),
});
