/** A counting semaphore: at most `limit` holders at once; the others wait in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private limit: number) {}

  setLimit(limit: number) {
    this.limit = Math.max(1, limit);
    while (this.active < this.limit && this.waiting.length) {
      this.active++;
      this.waiting.shift()!();
    }
  }

  async acquire(): Promise<() => void> {
    if (this.active < this.limit) this.active++;
    // A released slot is handed straight to the next waiter, already counted.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (this.active <= this.limit && this.waiting.length) this.waiting.shift()!();
      else this.active--;
    };
  }
}
