import { z } from "zod";
import { env } from "../../env";
import { listTemplates } from "../../templates/list-templates";
import { previewTemplate } from "../../templates/preview-template";
import { createTRPCRouter, managerProcedure } from "../trpc";

export const templatesRouter = createTRPCRouter({
  list: managerProcedure.query(({ ctx }) => listTemplates(ctx.db)),
  preview: managerProcedure.input(z.object({ templateId: z.uuid() })).query(({ ctx, input }) => previewTemplate(ctx.db, input.templateId, env().APP_URL)),
});
