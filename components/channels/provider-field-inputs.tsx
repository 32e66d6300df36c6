"use client";

import type { FieldErrors } from "@/lib/validation/field-errors";
import type { CredentialField } from "@/lib/channels/credential-field";
import { Badge } from "../ui/card";
import type { FieldValues } from "./channel-shared";
import { InputControl, SelectControl } from "./form-controls";

/**
 * The inputs of a provider's `fields`, in the provider's order (credentials first). Secrets are
 * write-only password inputs: when editing, each says whether a value is stored and that an empty input
 * keeps it. Fields with `options` are selects.
 */
export function ProviderFieldInputs({
  fields,
  secrets,
  config,
  errors,
  onSecret,
  onConfig,
  idPrefix,
  credentialsSet,
}: {
  fields: CredentialField[];
  secrets: FieldValues;
  config: FieldValues;
  errors: FieldErrors;
  onSecret: (name: string, value: string) => void;
  onConfig: (name: string, value: string) => void;
  idPrefix: string;
  /** Present when editing: which secrets already have a stored value. */
  credentialsSet?: Record<string, boolean>;
}) {
  return (
    <>
      {fields.map((field) => {
        const id = `${idPrefix}-${field.secret ? "secret" : "config"}-${field.name}`;
        if (field.secret) {
          const editing = credentialsSet !== undefined;
          const isSet = Boolean(credentialsSet?.[field.name]);
          return (
            <InputControl
              key={field.name}
              id={id}
              label={field.label}
              name={`credentials.${field.name}`}
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder={editing && isSet ? "(unchanged)" : field.placeholder}
              value={secrets[field.name] ?? ""}
              onChange={(event) => onSecret(field.name, event.target.value)}
              required={field.required && !isSet}
              status={editing ? isSet ? <Badge tone="green">set</Badge> : <Badge tone="amber">not set</Badge> : null}
              hint={
                <>
                  {editing ? <span className="sr-only">{isSet ? "Set. " : "Not set. "}</span> : null}
                  {field.help}
                  {editing && isSet ? " Leave empty to keep the current value." : null}
                </>
              }
              error={errors[`credentials.${field.name}`]}
            />
          );
        }
        if (field.options?.length) {
          return (
            <SelectControl
              key={field.name}
              id={id}
              label={field.label}
              name={`config.${field.name}`}
              value={config[field.name] ?? field.options[0]!.value}
              onChange={(event) => onConfig(field.name, event.target.value)}
              options={field.options}
              required={field.required}
              hint={field.help}
              error={errors[`config.${field.name}`]}
            />
          );
        }
        return (
          <InputControl
            key={field.name}
            id={id}
            label={field.label}
            name={`config.${field.name}`}
            autoComplete="off"
            spellCheck={false}
            placeholder={field.placeholder}
            value={config[field.name] ?? ""}
            onChange={(event) => onConfig(field.name, event.target.value)}
            required={field.required}
            hint={field.help}
            error={errors[`config.${field.name}`]}
          />
        );
      })}
    </>
  );
}
