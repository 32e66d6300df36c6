import type { SourceApiContext } from "./source-adapter";

/**
 * An API context that never reaches the network, for checking a payload's shape before the trigger is
 * answered: adapters given no API key fall back without calling out, and this makes sure of it.
 */
export const offlineApi: SourceApiContext = {
  fetch: () => Promise.reject(new Error("no network while validating")),
  timeoutMs: 0,
};
