import type { DatabaseConnection } from "@/db/client";
import { dispatchChannel } from "../flows/plan-notifications";
import { processPendingInboundEvents } from "../triggers/process-inbound-event";
import { type DispatchCounts, type DispatchPassOptions, runDispatchPass } from "./run-dispatch-pass";

export type DispatchLoopOptions = DispatchPassOptions & {
  /** Poll this often even without a wake-up (NOTIFY can be missed across reconnects). */
  pollMs?: number;
  onPass?: (counts: DispatchCounts) => void;
};

/**
 * A long-running dispatcher: wakes on NOTIFY (a trigger planned notifications), on kick() (in-process, right
 * after a trigger), and every pollMs; runs passes until nothing is due. Also retries inbound events whose
 * processing was cut short. stop() lets in-flight sends finish and gives back what was claimed but not sent.
 */
export class DispatchLoop {
  private stopping = false;
  private wake: (() => void) | null = null;
  private kicked = false;
  private running: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly connection: DatabaseConnection,
    private readonly options: DispatchLoopOptions = {},
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.unlisten = await this.connection.listen(dispatchChannel, () => this.kick());
    this.running = this.loop();
  }

  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  get isRunning(): boolean {
    return this.running !== null && !this.stopping;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    await this.unlisten?.().catch(() => {});
  }

  private async loop(): Promise<void> {
    const { pollMs = 5_000, onPass, ...passOptions } = this.options;
    let lastInboundSweep = 0;
    while (!this.stopping) {
      this.kicked = false;
      try {
        if (Date.now() - lastInboundSweep > 30_000) {
          lastInboundSweep = Date.now();
          await processPendingInboundEvents(this.connection.db);
        }
        const counts = await runDispatchPass(this.connection.db, { ...passOptions, stopping: () => this.stopping });
        if (counts.claimed) onPass?.(counts);
        if (counts.claimed) continue; // more may be due already
      } catch (error) {
        console.error("Dispatch pass failed:", error);
      }
      if (this.stopping || this.kicked) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}
