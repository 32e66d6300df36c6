"use client";

import { useRef, useState } from "react";
import type { TemplateKind } from "@/lib/templates/template-kinds";
import type { TemplateProblem } from "@/server/templates/check-template";
import { LiquidField } from "./liquid-field";
import type { Draft, DraftPart } from "./template-draft";
import { VariablePicker } from "./variable-picker";

type Defaults = { subject: string | null; heading: string | null; footer: string | null };

const fieldLabels: Record<DraftPart, string> = { subject: "Subject", heading: "Heading", body: "Message", footer: "Footer" };

/** The Liquid parts of a template's kind, with their problems, and the variable picker that fills them. */
export function TemplateFields({
  kind,
  draft,
  defaults,
  problems,
  errors,
  onChange,
}: {
  kind: TemplateKind;
  draft: Draft;
  defaults: Defaults;
  problems: TemplateProblem[];
  errors: Record<string, string | undefined>;
  onChange: (part: DraftPart, value: string) => void;
}) {
  const parts: DraftPart[] = kind === "email" ? ["subject", "heading", "body", "footer"] : kind === "crm" ? ["subject", "body"] : ["body"];
  const areas = useRef<Partial<Record<DraftPart, HTMLTextAreaElement | null>>>({});
  const [focused, setFocused] = useState<DraftPart>("body");

  function insert(snippet: string) {
    const area = areas.current[focused];
    const value = draft[focused];
    const start = area?.selectionStart ?? value.length;
    const end = area?.selectionEnd ?? value.length;
    onChange(focused, value.slice(0, start) + snippet + value.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  }

  const labels: Record<DraftPart, string> = kind === "email" ? { ...fieldLabels, body: "Opening message" } : kind === "crm" ? { ...fieldLabels, subject: "Title" } : fieldLabels;
  const hints: Partial<Record<DraftPart, string>> = {
    subject: kind === "email" ? "The email's subject line." : "The ticket's or note's title.",
    heading: "Above the message. Leave empty for the default.",
    body:
      kind === "email"
        ? "Blank lines start a new paragraph; HTML is allowed, and every variable is escaped. The items, totals, delivery estimate and receipt button follow it."
        : "The whole text, exactly as it is sent.",
    footer: "The small print at the bottom. Leave empty for the default.",
  };
  const placeholder = (part: DraftPart) => {
    const fallback = part === "subject" || part === "heading" || part === "footer" ? defaults[part] : null;
    return fallback ? `Default: ${fallback}` : undefined;
  };

  return (
    <div className="space-y-4">
      {parts.map((part) => (
        <LiquidField
          key={part}
          id={`template-${part}`}
          label={labels[part]}
          hint={hints[part]}
          value={draft[part]}
          placeholder={placeholder(part)}
          rows={part === "body" ? 10 : part === "footer" ? 2 : 1}
          problems={[
            ...problems.filter((problem) => problem.part === part),
            ...(errors[part] && !problems.some((problem) => problem.part === part) ? [{ line: null, column: null, message: errors[part]! }] : []),
          ]}
          textareaRef={(element) => {
            areas.current[part] = element;
          }}
          onChange={(value) => onChange(part, value)}
          onFocus={() => setFocused(part)}
        />
      ))}
      <VariablePicker onInsert={insert} target={labels[focused]} />
    </div>
  );
}
