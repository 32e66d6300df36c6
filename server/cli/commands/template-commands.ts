import { listTemplates, type TemplateSummary } from "../../templates/list-templates";
import type { CommandContext } from "../cli-context";

/** Every template, a page at a time from the database: id, channel kind, locale and versions. */
export async function templateList(context: CommandContext) {
  const { db } = await context.database();
  const all: TemplateSummary[] = [];
  for (let page = 1; ; page++) {
    const batch = await listTemplates(db, { page, pageSize: 200 });
    all.push(...batch.items);
    if (page >= batch.pageCount) break;
  }
  const lines = all.map((template) => {
    const live = template.liveVersion === null ? "none live" : `v${template.liveVersion} live`;
    return `${template.channelKind.padEnd(9)} ${template.locale.padEnd(6)} ${live.padEnd(9)} ${template.name.padEnd(24)} ${template.id}`;
  });
  context.print(lines.length ? lines.join("\n") : "No templates yet: start the app once to create the defaults.", all);
}
