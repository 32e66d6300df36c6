"use client";

import type { ChannelKind } from "@/lib/channels/provider-ids";
import { type TemplateKind, templateFitsChannel, templateKindLabel } from "@/lib/templates/template-kinds";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import type { StepValues } from "./flow-form-values";

type ChannelOption = { id: string; name: string; kind: ChannelKind; enabled?: boolean };
/** One template in all its languages: `ids` are the languages' templates, `id` the one shown. */
type TemplateOption = { id: string; name: string; channelKind: TemplateKind; locales: string[]; ids: string[] };

/** One step: channels in fallback order (up to three choices), a template, a delay and the audience. */
export function FlowStepEditor({
  index,
  step,
  count,
  channels,
  templates,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  step: StepValues;
  count: number;
  channels: ChannelOption[];
  templates: TemplateOption[];
  errors: Record<string, string | undefined>;
  onChange: (step: StepValues) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
}) {
  const choices = [0, 1, 2];
  const channelOptions = [{ value: "", label: "—" }, ...channels.map((channel) => ({ value: channel.id, label: `${channel.name} (${channel.kind}${channel.enabled === false ? ", disabled" : ""})` }))];
  const setChannel = (position: number, id: string) => {
    const next = [...step.channelIds];
    next[position] = id;
    onChange({ ...step, channelIds: next.slice(0, 3).filter((value, at) => value || at < position) });
  };
  const prefix = `steps.${index}`;
  const chosenKinds = step.channelIds.map((id) => channels.find((channel) => channel.id === id)?.kind).filter((kind): kind is ChannelKind => Boolean(kind));
  const fits = (template: TemplateOption) => chosenKinds.every((kind) => templateFitsChannel(template.channelKind, kind));
  const selected = templates.find((template) => template.ids.includes(step.templateId));
  const templateOptions = [
    { value: "", label: "Each channel's own template" },
    ...templates
      .filter((template) => fits(template) || template === selected)
      .map((template) => ({ value: template.id, label: `${template.name} — ${templateKindLabel[template.channelKind]} (${template.locales.join(", ")})` })),
  ];
  const mismatch = selected && !fits(selected) ? `“${selected.name}” is for ${templateKindLabel[selected.channelKind]}: it does not fit every channel of this step.` : undefined;
  return (
    <fieldset className="rounded-md border border-gray-200 p-4" data-testid={`flow-step-${index}`}>
      <legend className="px-1 text-sm font-semibold">Step {index + 1}</legend>
      <div className="grid gap-3 md:grid-cols-3">
        {choices.map((position) => (
          <SelectField
            key={position}
            label={position === 0 ? "Send through" : position === 1 ? "If that fails, then" : "Then"}
            value={step.channelIds[position] ?? ""}
            onChange={(event) => setChannel(position, event.target.value)}
            options={channelOptions}
            error={position === 0 ? (errors[`${prefix}.channelIds`] ?? errors.steps) : undefined}
            disabled={position > 0 && !step.channelIds[position - 1]}
          />
        ))}
        <SelectField
          label="Template"
          value={selected?.id ?? step.templateId}
          onChange={(event) => onChange({ ...step, templateId: event.target.value })}
          options={templateOptions}
          error={errors[`${prefix}.templateId`] ?? mismatch}
          hint="Each message is written in its order's language, else the store's, else English."
        />
        <TextField
          label="Delay (minutes)"
          type="number"
          min={0}
          value={step.delayMinutes}
          onChange={(event) => onChange({ ...step, delayMinutes: event.target.value })}
          error={errors[`${prefix}.delaySeconds`]}
        />
        <SelectField
          label="Audience"
          value={step.audience}
          onChange={(event) => onChange({ ...step, audience: event.target.value as StepValues["audience"] })}
          options={[
            { value: "customer", label: "The customer" },
            { value: "internal", label: "Your team (internal alert)" },
          ]}
        />
        {step.audience === "internal" ? (
          <TextField
            label="Send alerts to"
            value={step.internalRecipient}
            onChange={(event) => onChange({ ...step, internalRecipient: event.target.value })}
            error={errors[`${prefix}.internalRecipient`]}
            hint="A Slack or Google Chat channel id, or an email address"
          />
        ) : null}
      </div>
      <div className="mt-3 flex gap-2">
        <Button size="sm" variant="secondary" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move step ${index + 1} up`}>
          Up
        </Button>
        <Button size="sm" variant="secondary" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move step ${index + 1} down`}>
          Down
        </Button>
        <Button size="sm" variant="ghost" disabled={count === 1} onClick={onRemove} aria-label={`Remove step ${index + 1}`}>
          Remove
        </Button>
      </div>
    </fieldset>
  );
}
