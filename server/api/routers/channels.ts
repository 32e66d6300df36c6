import { z } from "zod";
import { channelProviders } from "../../channels/registry";
import { createChannel, createChannelInput, deleteChannel, flowsUsingChannel, listChannels, updateChannel, updateChannelInput } from "../../channel-management/manage-channels";
import { sendTestInput, sendTestMessage } from "../../channel-management/send-test-message";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const channelsRouter = createTRPCRouter({
  /** Every provider with what Orderbell does with it and the fields its form needs (no secrets here). */
  catalogue: adminProcedure.query(() =>
    Object.values(channelProviders).map((provider) => ({
      id: provider.id,
      name: provider.name,
      kind: provider.kind,
      kinds: provider.recipientByKind ? Object.keys(provider.recipientByKind) : [provider.kind],
      description: provider.description,
      docsUrl: provider.docsUrl,
      recipient: provider.recipient,
      recipientByKind: provider.recipientByKind ?? null,
      defaultBaseUrl: provider.defaultBaseUrl,
      fields: provider.fields,
      defaultRatePerSecond: provider.defaultRatePerSecond,
      defaultConcurrency: provider.defaultConcurrency,
      hasStatusCallbacks: Boolean(provider.verifyStatusCallback),
    })),
  ),
  list: adminProcedure.query(({ ctx }) => listChannels(ctx.db)),
  create: adminProcedure.input(createChannelInput).mutation(({ ctx, input }) => createChannel(ctx.db, ctx.user, input)),
  update: adminProcedure.input(updateChannelInput).mutation(({ ctx, input }) => updateChannel(ctx.db, ctx.user, input)),
  usage: adminProcedure.input(z.object({ channelId: z.uuid() })).query(({ ctx, input }) => flowsUsingChannel(ctx.db, input.channelId)),
  delete: adminProcedure
    .input(z.object({ channelId: z.uuid(), confirmInUse: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => deleteChannel(ctx.db, ctx.user, input.channelId, { confirmInUse: input.confirmInUse })),
  sendTest: adminProcedure.input(sendTestInput).mutation(({ ctx, input }) => sendTestMessage(ctx.db, ctx.user, input)),
});
