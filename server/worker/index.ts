import { DataDirLockedError } from "@/db/data-dir-lock";
import { EnvError } from "../env";
import { WorkerRefusedError, runWorker } from "./run-worker";

runWorker().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof WorkerRefusedError || error instanceof EnvError || error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
