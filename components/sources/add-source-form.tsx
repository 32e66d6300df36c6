"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { SourceKind } from "@/lib/source-kinds";
import type { FieldErrors } from "@/lib/validation/field-errors";
import type { SourceView } from "@/server/sources/manage-sources";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { FormError, SelectField, TextField } from "../ui/field";
import { type CatalogueEntry, ConfigInputs, type FieldValues, SecretInputs, pick, unplacedErrors } from "./source-fields";
import { SetupSteps } from "./setup-steps";

export type CreatedSource = { source: SourceView; generatedSecrets: Record<string, string> | null };

export function AddSourceForm({ catalogue, onCreated }: { catalogue: CatalogueEntry[]; onCreated: (created: CreatedSource) => unknown }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.sources.create.mutationOptions());
  const [kind, setKind] = useState<SourceKind | "">("");
  const [name, setName] = useState("");
  const [secrets, setSecrets] = useState<FieldValues>({});
  const [config, setConfig] = useState<FieldValues>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const platform = catalogue.find((entry) => entry.kind === kind);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: FieldErrors = {};
    if (!platform) local.kind = "Choose a platform.";
    if (!name.trim()) local.name = "Give the source a name.";
    if (!platform || Object.keys(local).length) {
      setErrors(local);
      return;
    }
    setErrors({});
    setFormError(null);
    const typedSecrets = pick(secrets, platform.secretFields.filter((field) => !field.generated).map((field) => field.name));
    try {
      const created = await create.mutateAsync({
        kind: platform.kind,
        name: name.trim(),
        secrets: Object.fromEntries(Object.entries(typedSecrets).filter(([, value]) => value.trim() !== "")),
        config: pick(config, platform.configFields.map((field) => field.name)),
      });
      setName("");
      setSecrets({});
      setConfig({});
      await onCreated(created);
    } catch (error) {
      const details = errorDetails(error);
      setErrors(details.fieldErrors);
      const placed = ["kind", "name", ...platform.secretFields.map((field) => `secrets.${field.name}`), ...platform.configFields.map((field) => `config.${field.name}`)];
      setFormError(unplacedErrors(details.fieldErrors, placed) ?? (Object.keys(details.fieldErrors).length ? null : details.message));
    }
  }

  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Add a source</h2>
      <p className="mt-1 text-sm text-gray-600">
        A source is a platform that sends you orders. Each one gets its own trigger URL: you paste it into the platform, and every paid order it
        sends becomes an order here, with its confirmations.
      </p>
      <form onSubmit={submit} noValidate className="mt-4 grid gap-4 md:grid-cols-2">
        <SelectField
          id="add-source-kind"
          label="Platform"
          name="kind"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as SourceKind | "");
            setErrors({});
            setFormError(null);
          }}
          error={errors.kind}
          options={[{ value: "", label: "Choose a platform…" }, ...catalogue.map((entry) => ({ value: entry.kind, label: entry.label }))]}
        />
        <TextField
          id="add-source-name"
          label="Name"
          name="name"
          autoComplete="off"
          placeholder={platform ? `e.g. ${platform.label} main store` : "e.g. Main store"}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          hint="How this source is named in orders and inbound events."
          required
        />
        {platform ? (
          <>
            <SecretInputs
              idPrefix="add-source"
              fields={platform.secretFields}
              values={secrets}
              errors={errors}
              onChange={(field, value) => setSecrets((current) => ({ ...current, [field]: value }))}
              generatedNote={(field) => <>Generated and shown once when you add the source. {field.help}</>}
            />
            <ConfigInputs
              idPrefix="add-source"
              fields={platform.configFields}
              values={config}
              errors={errors}
              onChange={(field, value) => setConfig((current) => ({ ...current, [field]: value }))}
            />
            <details className="md:col-span-2 rounded-md bg-gray-50 p-3 text-sm">
              <summary className="cursor-pointer font-medium text-gray-900">What you will do on {platform.label}</summary>
              <div className="mt-2">
                <SetupSteps steps={platform.exampleSetup} />
              </div>
            </details>
          </>
        ) : null}
        <div className="space-y-3 md:col-span-2">
          <FormError message={formError} />
          <Button type="submit" busy={create.isPending}>
            Add source
          </Button>
        </div>
      </form>
    </Card>
  );
}
