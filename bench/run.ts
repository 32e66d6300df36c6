/**
 * `npm run bench`: throughput of trigger intake and of dispatch, each against a baseline measured in the
 * same run, on PGlite and (when DATABASE_URL is set) on PostgreSQL. Prints rates and ratios; asserts nothing.
 */
import { benchDatabase } from "./bench-database";
import { measureDispatch } from "./dispatch-throughput";
import { measureIntake } from "./intake-throughput";

const intakeCount = Number(process.env.BENCH_INTAKE ?? 300);
const dispatchCount = Number(process.env.BENCH_DISPATCH ?? 500);
const fmt = (value: number) => value.toFixed(1).padStart(9);

async function main() {
  process.env.APP_SECRET ??= "bench-app-secret-that-is-long-enough-0123456789";
  process.env.DATA_DIR ??= ".test-data/bench";
  const drivers: Array<"pglite" | "postgres"> = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  console.log(`Orderbell benchmarks: ${intakeCount} trigger deliveries, ${dispatchCount} notifications per measurement.\n`);
  for (const driver of drivers) {
    const intakeDb = await benchDatabase(driver);
    const intake = await measureIntake(intakeDb, intakeCount);
    await intakeDb.close();
    const dispatchDb = await benchDatabase(driver);
    const dispatch = await measureDispatch(dispatchDb, dispatchCount);
    await dispatchDb.close();
    console.log(`${intakeDb.label}`);
    console.log(`  intake, answer only (baseline)       ${fmt(intake.answerPerSecond)} /s   (${intake.answerMedianMs.toFixed(2)} ms per request)`);
    console.log(`  intake, answer + order + plan        ${fmt(intake.fullPerSecond)} /s   ratio ${(intake.fullPerSecond / intake.answerPerSecond).toFixed(2)}× of baseline`);
    console.log(`  dispatch, one at a time (baseline)   ${fmt(dispatch.serialPerSecond)} /s`);
    console.log(`  dispatch, batches of 50, 8 in flight ${fmt(dispatch.batchedPerSecond)} /s   ratio ${(dispatch.batchedPerSecond / dispatch.serialPerSecond).toFixed(2)}× of baseline\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
