/** Trigger bodies larger than this are refused with 413 before they are read into memory. */
export const triggerBodyLimitBytes = 1024 * 1024;

export type LimitedBody = { ok: true; body: Buffer } | { ok: false; reason: string; partial: Buffer };

/** Reads a request body, stopping as soon as it passes `limit` bytes (the Content-Length may lie or be absent). */
export async function readLimitedBody(request: Request, limit = triggerBodyLimitBytes): Promise<LimitedBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    return { ok: false, reason: `body of ${declared} bytes is over the ${limit / 1024} KiB limit`, partial: Buffer.alloc(0) };
  }
  if (!request.body) return { ok: true, body: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { ok: false, reason: `body is over the ${limit / 1024} KiB limit`, partial: Buffer.concat(chunks) };
    }
    chunks.push(Buffer.from(value));
  }
  return { ok: true, body: Buffer.concat(chunks) };
}
