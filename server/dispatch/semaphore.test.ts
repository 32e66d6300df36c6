import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore";

describe("Semaphore", () => {
  it("never lets more than the limit run at once, and runs everyone", async () => {
    const semaphore = new Semaphore(3);
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const release = await semaphore.acquire();
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, (index % 4) * 2));
        running--;
        done.push(index);
        release();
      }),
    );
    expect(peak).toBe(3);
    expect(done).toHaveLength(20);
  });

  it("releases twice without freeing two slots", async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    release();
    release();
    const first = await semaphore.acquire();
    let secondGot = false;
    void semaphore.acquire().then(() => (secondGot = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(secondGot).toBe(false);
    first();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(secondGot).toBe(true);
  });
});
