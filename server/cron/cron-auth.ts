import { safeEqual } from "../sources/signatures";

/** Whether a request carries `Authorization: Bearer <CRON_SECRET>`; always false when no secret is set. */
export function cronAuthorized(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !authorization) return false;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  return Boolean(match && safeEqual(match[1]!, secret));
}
