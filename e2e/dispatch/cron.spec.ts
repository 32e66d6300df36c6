import { expect, test } from "../fixtures";
import { e2eCronSecret } from "../support/e2e-settings";

test.describe("the cron dispatch route", () => {
  test("refuses a missing or wrong secret and answers counts with the right one", async ({ request }) => {
    expect((await request.get("/api/cron/dispatch")).status()).toBe(401);
    expect((await request.post("/api/cron/dispatch", { headers: { authorization: "Bearer not-the-secret" } })).status()).toBe(401);
    const response = await request.get("/api/cron/dispatch?maxSeconds=5", { headers: { authorization: `Bearer ${e2eCronSecret}` } });
    expect(response.status()).toBe(200);
    const body = await response.json();
    for (const key of ["claimed", "sent", "retried", "failed", "duration"]) expect(body[key], key).toEqual(expect.any(Number));
    expect(body.duration).toBeLessThan(6_000);
  });
});
