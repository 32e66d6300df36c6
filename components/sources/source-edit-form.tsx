"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { FieldErrors } from "@/lib/validation/field-errors";
import type { SourceView } from "@/server/sources/manage-sources";
import type { ConfigField } from "@/server/sources/source-adapter";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { FormError, TextField } from "../ui/field";
import { ConfigInputs, type FieldValues, configValuesOf, pick, unplacedErrors } from "./source-fields";

/** Renames a source and edits its (non-secret) settings. Mounted when opened, so it starts from the saved values. */
export function SourceEditForm({ source, configFields, onClose }: { source: SourceView; configFields: ConfigField[]; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.sources.update.mutationOptions());
  const [name, setName] = useState(source.name);
  const [config, setConfig] = useState<FieldValues>(() => configValuesOf(source.config, configFields));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: "Give the source a name." });
      return;
    }
    setErrors({});
    setFormError(null);
    try {
      await update.mutateAsync({
        sourceId: source.id,
        name: name.trim(),
        ...(configFields.length ? { config: pick(config, configFields.map((field) => field.name)) } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: trpc.sources.list.queryKey() });
      onClose();
    } catch (error) {
      const details = errorDetails(error);
      setErrors(details.fieldErrors);
      const placed = ["name", ...configFields.map((field) => `config.${field.name}`)];
      setFormError(unplacedErrors(details.fieldErrors, placed) ?? (Object.keys(details.fieldErrors).length ? null : details.message));
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${source.name}`} className="space-y-4 rounded-md bg-gray-50 p-4">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField id={`edit-${source.id}-name`} label="Name" name="name" autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} error={errors.name} required />
        <ConfigInputs
          idPrefix={`edit-${source.id}`}
          fields={configFields}
          values={config}
          errors={errors}
          onChange={(field, value) => setConfig((current) => ({ ...current, [field]: value }))}
        />
      </div>
      <FormError message={formError} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" busy={update.isPending}>
          Save changes
        </Button>
        <Button size="sm" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
