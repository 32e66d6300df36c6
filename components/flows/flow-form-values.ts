import { currencyFractionDigits } from "@/lib/format";

/** The flow editor's state: strings where the user types, converted to the API's shape on save. */
export type StepValues = {
  id?: string;
  channelIds: string[];
  templateId: string;
  delayMinutes: string;
  audience: "customer" | "internal";
  internalRecipient: string;
};

export type FlowValues = {
  name: string;
  trigger: "order_paid" | "order_cancelled" | "order_refunded";
  enabled: boolean;
  sourceIds: string[];
  minTotal: string;
  maxTotal: string;
  currencies: string;
  countries: string;
  hasEmail: "" | "yes" | "no";
  hasPhone: "" | "yes" | "no";
  steps: StepValues[];
};

export const emptyStep: StepValues = { channelIds: [], templateId: "", delayMinutes: "0", audience: "customer", internalRecipient: "" };

export const emptyFlow: FlowValues = {
  name: "",
  trigger: "order_paid",
  enabled: true,
  sourceIds: [],
  minTotal: "",
  maxTotal: "",
  currencies: "",
  countries: "",
  hasEmail: "",
  hasPhone: "",
  steps: [{ ...emptyStep }],
};

type FlowFromApi = {
  name: string;
  trigger: FlowValues["trigger"];
  enabled: boolean;
  conditions: { sourceIds?: string[]; minTotal?: number; maxTotal?: number; currencies?: string[]; countries?: string[]; hasEmail?: boolean; hasPhone?: boolean };
  steps: Array<{ id: string; channelIds: string[]; templateId: string | null; delaySeconds: number; audience: "customer" | "internal"; internalRecipient: string | null }>;
};

const yesNo = (value: boolean | undefined): "" | "yes" | "no" => (value === undefined ? "" : value ? "yes" : "no");
const fromYesNo = (value: "" | "yes" | "no") => (value === "" ? undefined : value === "yes");
const list = (text: string) => text.split(/[\s,]+/).map((part) => part.trim().toUpperCase()).filter(Boolean);

export function toValues(flow: FlowFromApi, currency: string): FlowValues {
  const digits = currencyFractionDigits(currency);
  const major = (minor?: number) => (minor === undefined ? "" : (minor / 10 ** digits).toFixed(digits));
  const { conditions } = flow;
  return {
    name: flow.name,
    trigger: flow.trigger,
    enabled: flow.enabled,
    sourceIds: conditions.sourceIds ?? [],
    minTotal: major(conditions.minTotal),
    maxTotal: major(conditions.maxTotal),
    currencies: (conditions.currencies ?? []).join(", "),
    countries: (conditions.countries ?? []).join(", "),
    hasEmail: yesNo(conditions.hasEmail),
    hasPhone: yesNo(conditions.hasPhone),
    steps: flow.steps.map((step) => ({
      id: step.id,
      channelIds: step.channelIds,
      templateId: step.templateId ?? "",
      delayMinutes: String(Math.round(step.delaySeconds / 60)),
      audience: step.audience,
      internalRecipient: step.internalRecipient ?? "",
    })),
  };
}

/** The API input; amounts typed in the store currency's major units become minor units. */
export function toInput(values: FlowValues, currency: string) {
  const digits = currencyFractionDigits(currency);
  const minor = (text: string) => (text.trim() === "" ? undefined : Math.round(Number(text) * 10 ** digits));
  return {
    name: values.name,
    trigger: values.trigger,
    enabled: values.enabled,
    conditions: {
      sourceIds: values.sourceIds.length ? values.sourceIds : undefined,
      minTotal: minor(values.minTotal),
      maxTotal: minor(values.maxTotal),
      currencies: list(values.currencies).length ? list(values.currencies) : undefined,
      countries: list(values.countries).length ? list(values.countries) : undefined,
      hasEmail: fromYesNo(values.hasEmail),
      hasPhone: fromYesNo(values.hasPhone),
    },
    steps: values.steps.map((step) => ({
      id: step.id,
      channelIds: step.channelIds.filter(Boolean),
      templateId: step.templateId || null,
      delaySeconds: Math.round(Number(step.delayMinutes || "0") * 60),
      audience: step.audience,
      internalRecipient: step.audience === "internal" ? step.internalRecipient || null : null,
    })),
  };
}
