"use client";

import type { Ref } from "react";
import { cn } from "../ui/cn";

export type FieldProblem = { line: number | null; column: number | null; message: string };

/** The offset of a line and column (1-based) in a text, to put the caret where a problem is. */
export function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split("\n");
  let offset = 0;
  for (let index = 0; index < Math.min(line - 1, lines.length); index++) offset += lines[index]!.length + 1;
  return Math.min(offset + Math.max(column - 1, 0), text.length);
}

/** A Liquid text area with its label, hint, and the problems found in it (each one jumps to its place). */
export function LiquidField({
  id,
  label,
  hint,
  value,
  placeholder,
  rows = 3,
  problems,
  textareaRef,
  onChange,
  onFocus,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  placeholder?: string;
  rows?: number;
  problems: FieldProblem[];
  textareaRef: Ref<HTMLTextAreaElement>;
  onChange: (value: string) => void;
  onFocus: () => void;
}) {
  const describedBy = [hint ? `${id}-hint` : null, problems.length ? `${id}-problems` : null].filter(Boolean).join(" ") || undefined;
  function jump(problem: FieldProblem) {
    const area = document.getElementById(id) as HTMLTextAreaElement | null;
    if (!area || problem.line === null) return;
    const at = offsetOf(area.value, problem.line, problem.column ?? 1);
    area.focus();
    area.setSelectionRange(at, at);
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-gray-900">
        {label}
      </label>
      <textarea
        id={id}
        ref={textareaRef}
        value={value}
        rows={rows}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={problems.length ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        onFocus={onFocus}
        className={cn(
          "block w-full rounded-md border-0 bg-white px-3 py-2 font-mono text-sm text-gray-900 shadow-sm ring-1 ring-inset placeholder:text-gray-400 focus:ring-2 focus:ring-inset focus:outline-none",
          problems.length ? "ring-red-400 focus:ring-red-500" : "ring-gray-300 focus:ring-indigo-600",
        )}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-gray-500">
          {hint}
        </p>
      ) : null}
      {problems.length ? (
        <ul id={`${id}-problems`} className="space-y-1" aria-live="polite">
          {problems.map((problem, index) => (
            <li key={index}>
              <button type="button" onClick={() => jump(problem)} className="text-left text-sm text-red-700 underline-offset-2 hover:underline" data-testid="template-problem">
                {problem.message}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
