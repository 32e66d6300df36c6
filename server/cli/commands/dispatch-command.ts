import { parseArgs } from "node:util";
import { runDispatchPass } from "../../dispatch/run-dispatch-pass";
import { processPendingInboundEvents } from "../../triggers/process-inbound-event";
import type { CommandContext } from "../cli-context";

/** One pass until nothing is due; prints the counts. */
export async function dispatch(context: CommandContext) {
  const { values } = parseArgs({ args: context.args, options: { "max-seconds": { type: "string" }, concurrency: { type: "string" } } });
  const { db } = await context.database();
  const inbound = await processPendingInboundEvents(db);
  const counts = await runDispatchPass(db, {
    workerId: `cli-${process.pid}`,
    maxDurationMs: values["max-seconds"] ? Number(values["max-seconds"]) * 1000 : undefined,
    concurrency: values.concurrency ? Number(values.concurrency) : undefined,
  });
  context.print(
    `Claimed ${counts.claimed}: ${counts.sent} sent, ${counts.retried} to retry, ${counts.fellBack} fell back, ${counts.failed} failed, ${counts.deferred} waiting for a rate limit, ${counts.cancelled} cancelled (${counts.durationMs} ms).`,
    { ...counts, inboundEventsProcessed: inbound },
  );
}
