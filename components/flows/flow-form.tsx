"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useStoreDisplay } from "../shell/store-display";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { FormError, SelectField, TextField } from "../ui/field";
import { type FlowValues, emptyStep, toInput } from "./flow-form-values";
import { FlowStepEditor } from "./flow-step-editor";

const triggerOptions = [
  { value: "order_paid", label: "Order paid" },
  { value: "order_cancelled", label: "Order cancelled" },
  { value: "order_refunded", label: "Order refunded" },
];
const yesNoOptions = (what: string) => [
  { value: "", label: "Either" },
  { value: "yes", label: `Has ${what}` },
  { value: "no", label: `Has no ${what}` },
];

export function FlowForm({ flowId, initial }: { flowId?: string; initial: FlowValues }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { currency } = useStoreDisplay();
  const options = useQuery(trpc.flows.options.queryOptions());
  const create = useMutation(trpc.flows.create.mutationOptions());
  const update = useMutation(trpc.flows.update.mutationOptions());
  const remove = useMutation(trpc.flows.delete.mutationOptions());
  const [values, setValues] = useState<FlowValues>(initial);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = <K extends keyof FlowValues>(key: K, value: FlowValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const setStep = (index: number, step: FlowValues["steps"][number]) => set("steps", values.steps.map((current, at) => (at === index ? step : current)));
  const moveStep = (index: number, direction: -1 | 1) => {
    const steps = [...values.steps];
    const [step] = steps.splice(index, 1);
    steps.splice(index + direction, 0, step!);
    set("steps", steps);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const input = toInput(values, currency);
    try {
      if (flowId) await update.mutateAsync({ id: flowId, flow: input });
      else await create.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: trpc.flows.pathKey() });
      router.push("/flows");
      router.refresh();
    } catch (error) {
      const details = errorDetails(error);
      const fields = Object.fromEntries(Object.entries(details.fieldErrors).map(([key, message]) => [key.replace(/^flow\./, ""), message]));
      setErrors(fields);
      // A message that belongs to a field shows there; anything else (a step's channel…) shows here.
      if (Object.keys(fields).every((key) => !["name", "conditions.minTotal", "conditions.maxTotal"].includes(key))) setFormError(details.message);
    }
  }

  async function deleteFlow() {
    if (!flowId || !window.confirm(`Delete the flow “${values.name}”? Orders already planned keep their messages.`)) return;
    try {
      await remove.mutateAsync({ id: flowId });
      await queryClient.invalidateQueries({ queryKey: trpc.flows.pathKey() });
      router.push("/flows");
      router.refresh();
    } catch (error) {
      setFormError(errorDetails(error).message);
    }
  }

  const channels = options.data?.channels ?? [];
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card className="p-5">
        <div className="grid gap-4 md:grid-cols-3">
          <TextField label="Flow name" value={values.name} onChange={(event) => set("name", event.target.value)} error={errors.name} required />
          <SelectField label="When" value={values.trigger} onChange={(event) => set("trigger", event.target.value as FlowValues["trigger"])} options={triggerOptions} />
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" checked={values.enabled} onChange={(event) => set("enabled", event.target.checked)} className="size-4 rounded border-gray-300" />
            Enabled
          </label>
        </div>
      </Card>
      <Card className="p-5">
        <h2 className="text-base font-semibold">Only for orders that…</h2>
        <p className="mt-1 text-sm text-gray-600">Leave a condition empty to apply the flow to every order.</p>
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium">Come from</legend>
            {(options.data?.sources ?? []).length === 0 ? <p className="text-gray-500">Any source (none added yet).</p> : null}
            {(options.data?.sources ?? []).map((source) => (
              <label key={source.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={values.sourceIds.includes(source.id)}
                  onChange={(event) => set("sourceIds", event.target.checked ? [...values.sourceIds, source.id] : values.sourceIds.filter((id) => id !== source.id))}
                  className="size-4 rounded border-gray-300"
                />
                {source.name} ({source.kind})
              </label>
            ))}
          </fieldset>
          <TextField label={`Total at least (${currency})`} inputMode="decimal" value={values.minTotal} onChange={(event) => set("minTotal", event.target.value)} error={errors["conditions.minTotal"]} />
          <TextField label={`Total at most (${currency})`} inputMode="decimal" value={values.maxTotal} onChange={(event) => set("maxTotal", event.target.value)} error={errors["conditions.maxTotal"]} />
          <TextField label="Currencies" placeholder="USD, EUR" value={values.currencies} onChange={(event) => set("currencies", event.target.value)} error={errors["conditions.currencies"] ?? errors["conditions.currencies.0"]} />
          <TextField label="Shipping countries" placeholder="US, CA" value={values.countries} onChange={(event) => set("countries", event.target.value)} error={errors["conditions.countries"] ?? errors["conditions.countries.0"]} />
          <SelectField label="Email" value={values.hasEmail} onChange={(event) => set("hasEmail", event.target.value as FlowValues["hasEmail"])} options={yesNoOptions("an email")} />
          <SelectField label="Phone" value={values.hasPhone} onChange={(event) => set("hasPhone", event.target.value as FlowValues["hasPhone"])} options={yesNoOptions("a phone number")} />
        </div>
      </Card>
      <Card className="space-y-4 p-5">
        <h2 className="text-base font-semibold">Steps</h2>
        {channels.length === 0 && options.data ? <p className="text-sm text-amber-800">No channels exist yet: add one on the Channels page first.</p> : null}
        {values.steps.map((step, index) => (
          <FlowStepEditor
            key={step.id ?? `new-${index}`}
            index={index}
            step={step}
            count={values.steps.length}
            channels={channels}
            templates={options.data?.templates ?? []}
            errors={errors}
            onChange={(next) => setStep(index, next)}
            onMove={(direction) => moveStep(index, direction)}
            onRemove={() => set("steps", values.steps.filter((_, at) => at !== index))}
          />
        ))}
        <Button variant="secondary" onClick={() => set("steps", [...values.steps, { ...emptyStep }])} disabled={values.steps.length >= 10}>
          Add a step
        </Button>
      </Card>
      <FormError message={formError} />
      <div className="flex gap-3">
        <Button type="submit" busy={create.isPending || update.isPending}>
          {flowId ? "Save flow" : "Create flow"}
        </Button>
        {flowId ? (
          <Button variant="danger" onClick={deleteFlow} busy={remove.isPending}>
            Delete flow
          </Button>
        ) : null}
      </div>
    </form>
  );
}
