import { z } from "zod";
import { sourceKinds } from "@/db/schema";
import { createSource, createSourceInput, listSources, rotateSourceSecrets, rotateSourceSecretsInput, updateSource, updateSourceInput } from "../../sources/manage-sources";
import { adapterFor } from "../../sources/registry";
import { triggerUrlOf } from "../../sources/trigger-url";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const sourcesRouter = createTRPCRouter({
  /** The platforms a source can be, with the fields each needs: the form is built from this. */
  catalogue: adminProcedure.query(() =>
    sourceKinds.map((kind) => {
      const adapter = adapterFor(kind);
      return { kind, label: adapter.label, secretFields: adapter.secretFields, configFields: adapter.configFields, exampleSetup: adapter.setupSteps(triggerUrlOf("<source id>")) };
    }),
  ),
  list: adminProcedure.query(({ ctx }) => listSources(ctx.db)),
  create: adminProcedure.input(createSourceInput).mutation(({ ctx, input }) => createSource(ctx.db, ctx.user, input)),
  update: adminProcedure.input(updateSourceInput).mutation(({ ctx, input }) => updateSource(ctx.db, ctx.user, input)),
  rotateSecrets: adminProcedure.input(rotateSourceSecretsInput).mutation(({ ctx, input }) => rotateSourceSecrets(ctx.db, ctx.user, input)),
  triggerUrl: adminProcedure.input(z.object({ sourceId: z.uuid() })).query(({ input }) => triggerUrlOf(input.sourceId)),
});
