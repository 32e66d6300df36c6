"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { templateKindLabel } from "@/lib/templates/template-kinds";
import { formErrorsOf } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { FormError, SelectField, TextField } from "../ui/field";

/**
 * Another language (or region) for a template, starting from an existing one's newest text: the manager
 * translates it in the editor and publishes it; until then those customers get the fallback language.
 */
export function AddLanguageForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const all = useQuery(trpc.templates.list.queryOptions({ pageSize: 200 }));
  const create = useMutation(trpc.templates.create.mutationOptions());
  const [copyFrom, setCopyFrom] = useState("");
  const [locale, setLocale] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const options = (all.data?.items ?? []).map((template) => ({ value: template.id, label: `${template.name} — ${templateKindLabel[template.channelKind]} — ${template.locale}` }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const source = all.data?.items.find((template) => template.id === copyFrom);
    if (!source) {
      setErrors({ copyFromTemplateId: "Choose the template to start from." });
      return;
    }
    try {
      const created = await create.mutateAsync({ name: source.name, channelKind: source.channelKind, locale, copyFromTemplateId: source.id });
      router.push(`/templates/${created.templateId}`);
    } catch (error) {
      const { fieldErrors, formError } = formErrorsOf(error, ["locale", "copyFromTemplateId"]);
      setErrors(fieldErrors);
      setFormError(formError);
    }
  }

  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold text-gray-900">Add a language</h2>
      <p className="mt-1 text-sm text-gray-600">
        Customers get the template in their order&apos;s language, else your store&apos;s default language, else English. Add one for another
        language or a region (es-MX, fr-CA…): it starts as a copy to translate, and goes out once you publish it.
      </p>
      <form onSubmit={submit} noValidate className="mt-4 grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <SelectField label="Start from" value={copyFrom} onChange={(event) => setCopyFrom(event.target.value)} options={[{ value: "", label: "Choose a template" }, ...options]} error={errors.copyFromTemplateId} />
        <TextField label="Language" placeholder="it, pt-BR, es-MX" value={locale} onChange={(event) => setLocale(event.target.value)} error={errors.locale} />
        <Button type="submit" busy={create.isPending}>
          Add language
        </Button>
      </form>
      <div className="mt-3">
        <FormError message={formError} />
      </div>
    </Card>
  );
}
