"use client";

import type { ReactNode } from "react";
import type { SourceKind } from "@/lib/source-kinds";
import type { FieldErrors } from "@/lib/validation/field-errors";
import type { ConfigField, SecretField } from "@/server/sources/source-adapter";
import { TextField } from "../ui/field";

/** One platform of `sources.catalogue`: the form for a source of that kind is built from it. */
export type CatalogueEntry = { kind: SourceKind; label: string; secretFields: SecretField[]; configFields: ConfigField[]; exampleSetup: string[] };

export type FieldValues = Record<string, string>;

/** Config as stored (JSON) → the strings the inputs edit. */
export function configValuesOf(config: Record<string, unknown>, fields: ConfigField[]): FieldValues {
  return Object.fromEntries(fields.map((field) => [field.name, config[field.name] == null ? "" : String(config[field.name])]));
}

/** Only the named fields, so values typed for another platform are never sent. */
export function pick(values: FieldValues, names: string[]): FieldValues {
  return Object.fromEntries(names.map((name) => [name, values[name] ?? ""]));
}

/** Messages for fields no input shows (e.g. `secrets` as a whole), to be shown above the submit button. */
export function unplacedErrors(errors: FieldErrors, placed: string[]): string | null {
  const messages = Object.entries(errors)
    .filter(([key, message]) => message && !placed.includes(key))
    .map(([, message]) => message);
  return messages.length ? messages.join(" ") : null;
}

const optional = (label: string, required: boolean) => (required ? label : `${label} (optional)`);

/**
 * Password inputs for the secrets a person pastes in. Generated secrets have no input: `generatedNote`
 * says what happens to them instead (generated on creation; a button when rotating).
 */
export function SecretInputs({
  fields,
  values,
  errors,
  onChange,
  idPrefix,
  keepHint,
  generatedNote,
}: {
  fields: SecretField[];
  values: FieldValues;
  errors: FieldErrors;
  onChange: (name: string, value: string) => void;
  idPrefix: string;
  /** When rotating: an empty input keeps the current value. */
  keepHint?: boolean;
  generatedNote: (field: SecretField) => ReactNode;
}) {
  return (
    <>
      {fields.map((field) =>
        field.generated ? (
          <div key={field.name} className="space-y-1">
            <p className="text-sm font-medium text-gray-900">{field.label}</p>
            <div className="text-xs text-gray-500">{generatedNote(field)}</div>
            {errors[`secrets.${field.name}`] ? (
              <p className="text-sm text-red-600" role="alert">
                {errors[`secrets.${field.name}`]}
              </p>
            ) : null}
          </div>
        ) : (
          <TextField
            key={field.name}
            id={`${idPrefix}-secret-${field.name}`}
            label={keepHint ? `New ${field.label.toLowerCase()}` : optional(field.label, field.required)}
            name={`secrets.${field.name}`}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            value={values[field.name] ?? ""}
            onChange={(event) => onChange(field.name, event.target.value)}
            error={errors[`secrets.${field.name}`]}
            hint={keepHint ? `${field.help} Leave empty to keep the current value.` : field.help}
          />
        ),
      )}
    </>
  );
}

export function ConfigInputs({
  fields,
  values,
  errors,
  onChange,
  idPrefix,
}: {
  fields: ConfigField[];
  values: FieldValues;
  errors: FieldErrors;
  onChange: (name: string, value: string) => void;
  idPrefix: string;
}) {
  return (
    <>
      {fields.map((field) => (
        <TextField
          key={field.name}
          id={`${idPrefix}-config-${field.name}`}
          label={optional(field.label, field.required)}
          name={`config.${field.name}`}
          placeholder={field.placeholder}
          value={values[field.name] ?? ""}
          onChange={(event) => onChange(field.name, event.target.value)}
          error={errors[`config.${field.name}`]}
          hint={field.help}
        />
      ))}
    </>
  );
}
