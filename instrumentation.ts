// Next.js calls register() once when a server process starts. The database is opened and migrated here,
// at start-up, never on the first request; `next build` skips it (see startServer).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./server/startup/start-server");
  await startServer();
}
