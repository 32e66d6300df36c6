import { env } from "../env";

/** The URL a platform posts orders to. Built from APP_URL, so set APP_URL to the public address. */
export function triggerUrlOf(sourceId: string): string {
  return `${env().APP_URL}/api/triggers/${sourceId}`;
}
