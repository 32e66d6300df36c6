import { describe, expect, it } from "vitest";
import { conditionsMatch, flowConditionsSchema } from "./flow-conditions";

const facts = { sourceId: "11111111-1111-4111-8111-111111111111", total: 5000, currency: "EUR", country: "FR", hasEmail: true, hasPhone: false };

describe("flow conditions", () => {
  it("matches anything when no condition is set", () => {
    expect(conditionsMatch({}, facts)).toBe(true);
    expect(conditionsMatch({ currencies: [], countries: [] }, facts)).toBe(true);
  });

  it("checks each condition", () => {
    expect(conditionsMatch({ sourceIds: [facts.sourceId] }, facts)).toBe(true);
    expect(conditionsMatch({ sourceIds: ["22222222-2222-4222-8222-222222222222"] }, facts)).toBe(false);
    expect(conditionsMatch({ minTotal: 5000, maxTotal: 5000 }, facts)).toBe(true);
    expect(conditionsMatch({ minTotal: 5001 }, facts)).toBe(false);
    expect(conditionsMatch({ maxTotal: 4999 }, facts)).toBe(false);
    expect(conditionsMatch({ currencies: ["USD"] }, facts)).toBe(false);
    expect(conditionsMatch({ countries: ["FR", "BE"] }, facts)).toBe(true);
    expect(conditionsMatch({ countries: ["FR"] }, { ...facts, country: null })).toBe(false);
    expect(conditionsMatch({ hasEmail: true, hasPhone: false }, facts)).toBe(true);
    expect(conditionsMatch({ hasPhone: true }, facts)).toBe(false);
  });

  it("refuses a range that is upside down", () => {
    expect(flowConditionsSchema.safeParse({ minTotal: 10, maxTotal: 5 }).success).toBe(false);
    expect(flowConditionsSchema.safeParse({ currencies: ["usd"] }).success).toBe(false);
  });
});
