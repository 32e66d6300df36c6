import { parseArgs } from "node:util";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { isValidLocale } from "@/lib/validation/store-settings";
import { env } from "../../env";
import { ensureSampleSource, postSampleOrder } from "../../orders/send-sample-order";
import { getStore } from "../../settings/store-settings";
import { type CommandContext, UsageError } from "../cli-context";

/**
 * Posts a signed sample POS order to the running app (APP_URL). With the embedded database the app holds the
 * data folder, so the sample's source and store settings are not read here: the source's id and secret are
 * derived from APP_SECRET, and the sample is in USD. `--locale es-ES` makes the sample customer Spanish-speaking.
 */
export async function orderSample(context: CommandContext) {
  const { values } = parseArgs({ args: context.args, options: { locale: { type: "string" } } });
  if (values.locale !== undefined && !isValidLocale(values.locale)) throw new UsageError(`--locale must be a locale such as en-US, es-ES or ja-JP, not "${values.locale}"`);
  let store = { currency: "USD", defaultCountry: "US", defaultLocale: "en-US" };
  try {
    const { db } = await context.database();
    await ensureSampleSource(db);
    store = await getStore(db);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
  }
  const result = await postSampleOrder(store, env().APP_URL, { locale: values.locale });
  context.print(`Sample order ${result.orderNumber} sent to ${env().APP_URL}: ${JSON.stringify(result.answer)}. It appears under Orders, and its messages in the Sandbox inbox.`, result);
}
