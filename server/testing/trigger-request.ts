/** A Request as the route handler receives it, for driving receiveTrigger in integration tests. */
export function triggerRequest(sourceId: string, body: string | Buffer, headers: Record<string, string>, query = ""): Request {
  return new Request(`http://localhost:3000/api/triggers/${sourceId}${query}`, { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body) });
}
