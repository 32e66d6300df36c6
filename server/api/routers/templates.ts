import { z } from "zod";
import { env } from "../../env";
import { compareTemplateVersions, compareTemplateVersionsInput } from "../../templates/compare-template-versions";
import { createTemplate, createTemplateInput } from "../../templates/create-template";
import { getTemplateEditor } from "../../templates/get-template-editor";
import { listTemplateVersions, listTemplateVersionsInput } from "../../templates/list-template-versions";
import { listTemplates, listTemplatesInput } from "../../templates/list-templates";
import { previewTemplate, previewTemplateInput } from "../../templates/preview-template";
import { publishTemplateInput, publishTemplateVersion } from "../../templates/publish-template-version";
import { saveTemplateInput, saveTemplateVersion } from "../../templates/save-template-version";
import { sendTemplateTest, sendTemplateTestInput } from "../../templates/send-template-test";
import { createTRPCRouter, managerProcedure } from "../trpc";

export const templatesRouter = createTRPCRouter({
  list: managerProcedure.input(listTemplatesInput.optional()).query(({ ctx, input }) => listTemplates(ctx.db, input)),
  get: managerProcedure.input(z.object({ templateId: z.uuid() })).query(({ ctx, input }) => getTemplateEditor(ctx.db, input.templateId)),
  create: managerProcedure.input(createTemplateInput).mutation(({ ctx, input }) => createTemplate(ctx.db, ctx.user, input)),
  preview: managerProcedure.input(previewTemplateInput).query(({ ctx, input }) => previewTemplate(ctx.db, input, env().APP_URL)),
  /** A new version (not yet live); a Liquid syntax error or unknown variable is BAD_REQUEST with line and column. */
  save: managerProcedure.input(saveTemplateInput).mutation(async ({ ctx, input }) => ({ versionId: (await saveTemplateVersion(ctx.db, ctx.user, input)).versionId })),
  publish: managerProcedure.input(publishTemplateInput).mutation(({ ctx, input }) => publishTemplateVersion(ctx.db, ctx.user, input)),
  versions: managerProcedure.input(listTemplateVersionsInput).query(({ ctx, input }) => listTemplateVersions(ctx.db, input)),
  compare: managerProcedure.input(compareTemplateVersionsInput).query(({ ctx, input }) => compareTemplateVersions(ctx.db, input)),
  sendTest: managerProcedure.input(sendTemplateTestInput).mutation(({ ctx, input }) => sendTemplateTest(ctx.db, ctx.user, input)),
});
