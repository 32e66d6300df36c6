import { z } from "zod";
import type { FlowConditions } from "@/db/schema";

export const flowConditionsSchema = z
  .object({
    sourceIds: z.array(z.uuid()).optional(),
    minTotal: z.number().int().min(0).optional(),
    maxTotal: z.number().int().min(0).optional(),
    currencies: z.array(z.string().regex(/^[A-Z]{3}$/, "Use three-letter currency codes such as USD.")).optional(),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, "Use two-letter country codes such as US.")).optional(),
    hasEmail: z.boolean().optional(),
    hasPhone: z.boolean().optional(),
  })
  .refine((conditions) => conditions.minTotal === undefined || conditions.maxTotal === undefined || conditions.minTotal <= conditions.maxTotal, {
    message: "The minimum total must not exceed the maximum.",
    path: ["maxTotal"],
  });

export type ConditionFacts = {
  sourceId: string;
  total: number;
  currency: string;
  country: string | null;
  hasEmail: boolean;
  hasPhone: boolean;
};

/** Whether an order meets every condition a flow sets; an empty list or an unset value matches anything. */
export function conditionsMatch(conditions: FlowConditions, facts: ConditionFacts): boolean {
  const { sourceIds, minTotal, maxTotal, currencies, countries, hasEmail, hasPhone } = conditions;
  if (sourceIds?.length && !sourceIds.includes(facts.sourceId)) return false;
  if (minTotal !== undefined && facts.total < minTotal) return false;
  if (maxTotal !== undefined && facts.total > maxTotal) return false;
  if (currencies?.length && !currencies.includes(facts.currency)) return false;
  if (countries?.length && (!facts.country || !countries.includes(facts.country))) return false;
  if (hasEmail !== undefined && hasEmail !== facts.hasEmail) return false;
  if (hasPhone !== undefined && hasPhone !== facts.hasPhone) return false;
  return true;
}
