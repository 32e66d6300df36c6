import { createSource } from "../server/sources/manage-sources";
import { posOrderBody, signPosRequest } from "../server/sources/pos/fixtures";
import { seedDefaults } from "../server/startup/seed-defaults";
import { triggerRequest } from "../server/testing/trigger-request";
import { processInboundEvent } from "../server/triggers/process-inbound-event";
import { receiveTrigger } from "../server/triggers/receive-trigger";
import { type BenchDatabase, rate } from "./bench-database";

/**
 * Trigger intake: signed POS orders through receiveTrigger (the answer) and processInboundEvent (the order,
 * its items and its planned notifications). Baseline: the answer alone, which is what the platform waits for.
 */
export async function measureIntake(database: BenchDatabase, count: number) {
  const { db } = database;
  await seedDefaults(db);
  const { source, generatedSecrets } = await createSource(db, null, { kind: "pos", name: "bench" });
  const secret = generatedSecrets!.signingSecret!;
  const requests = () =>
    Array.from({ length: count }, () => {
      const body = JSON.stringify(posOrderBody());
      return triggerRequest(source.id, body, signPosRequest(body, secret));
    });

  const answerOnly = requests();
  let started = performance.now();
  const received: string[] = [];
  for (const request of answerOnly) {
    const answer = await receiveTrigger(db, source.id, request);
    if (answer.processEventId) received.push(answer.processEventId);
  }
  const answerMs = performance.now() - started;

  started = performance.now();
  for (const id of received) await processInboundEvent(db, id);
  const processMs = performance.now() - started;

  return {
    answerPerSecond: rate(count, answerMs),
    fullPerSecond: rate(count, answerMs + processMs),
    answerMedianMs: answerMs / count,
  };
}
