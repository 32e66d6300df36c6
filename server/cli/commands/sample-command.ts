import { DataDirLockedError } from "@/db/data-dir-lock";
import { env } from "../../env";
import { ensureSampleSource, postSampleOrder } from "../../orders/send-sample-order";
import { getStore } from "../../settings/store-settings";
import type { CommandContext } from "../cli-context";

/**
 * Posts a signed sample POS order to the running app (APP_URL). With the embedded database the app holds the
 * data folder, so the sample's source and store settings are not read here: the source's id and secret are
 * derived from APP_SECRET, and the sample is in USD.
 */
export async function orderSample(context: CommandContext) {
  let store = { currency: "USD", defaultCountry: "US", defaultLocale: "en-US" };
  try {
    const { db } = await context.database();
    await ensureSampleSource(db);
    store = await getStore(db);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
  }
  const result = await postSampleOrder(store, env().APP_URL);
  context.print(`Sample order ${result.orderNumber} sent to ${env().APP_URL}: ${JSON.stringify(result.answer)}. It appears under Orders, and its messages in the Sandbox inbox.`, result);
}
