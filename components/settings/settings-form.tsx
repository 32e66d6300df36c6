"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type FieldErrors, fieldErrorsOf } from "@/lib/validation/field-errors";
import { countryOptions, currencyOptions, storeSettingsInput, timeZoneOptions } from "@/lib/validation/store-settings";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { FormError, SelectField, TextField } from "../ui/field";

type Values = Record<
  "name" | "brandColor" | "logoUrl" | "supportEmail" | "supportPhone" | "defaultLocale" | "timezone" | "currency" | "defaultCountry" | "deliveryLeadTimeDays",
  string
>;

const commonLocales = ["en-US", "en-GB", "en-AU", "fr-FR", "de-DE", "es-ES", "it-IT", "nl-NL", "pt-BR", "ja-JP", "zh-CN", "ko-KR", "th-TH"];
const toOptions = (values: string[]) => values.map((value) => ({ value, label: value }));

type LoadedSettings = {
  name: string;
  brandColor: string;
  logoUrl: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
  defaultLocale: string;
  timezone: string;
  currency: string;
  defaultCountry: string;
  deliveryLeadTimeDays: number;
};

function toValues(data: LoadedSettings): Values {
  return {
    ...data,
    logoUrl: data.logoUrl ?? "",
    supportEmail: data.supportEmail ?? "",
    supportPhone: data.supportPhone ?? "",
    deliveryLeadTimeDays: String(data.deliveryLeadTimeDays),
  };
}

export function SettingsForm() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  if (settings.isError) return <FormError message={errorDetails(settings.error).message} />;
  if (!settings.data) return <p className="text-sm text-gray-500">Loading settings…</p>;
  return <SettingsEditor initial={toValues(settings.data)} />;
}

function SettingsEditor({ initial }: { initial: Values }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.settings.update.mutationOptions());
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const set = (field: keyof Values) => (event: { target: { value: string } }) => {
    setSaved(false);
    setValues((current) => ({ ...current, [field]: event.target.value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = storeSettingsInput.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      setSaved(false);
      return;
    }
    setErrors({});
    setFormError(null);
    try {
      await update.mutateAsync(values);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() });
      router.refresh(); // the shell shows the store name and formats times in its time zone
    } catch (error) {
      const details = errorDetails(error);
      setErrors(details.fieldErrors);
      if (Object.keys(details.fieldErrors).length === 0) setFormError(details.message);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card className="p-5">
        <h2 className="text-base font-semibold">Store</h2>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <TextField label="Store name" name="name" value={values.name} onChange={set("name")} error={errors.name} required />
          <div className="flex items-end gap-3">
            <div className="flex-1">
              <TextField label="Brand colour" name="brandColor" value={values.brandColor} onChange={set("brandColor")} error={errors.brandColor} hint="Hex, e.g. #4f46e5. Used in emails and on receipts." />
            </div>
            <input
              type="color"
              aria-label="Pick the brand colour"
              value={/^#[0-9a-fA-F]{6}$/.test(values.brandColor) ? values.brandColor : "#000000"}
              onChange={set("brandColor")}
              className="mb-6 h-9 w-12 cursor-pointer rounded border border-gray-300"
            />
          </div>
          <TextField label="Logo URL" name="logoUrl" type="url" value={values.logoUrl} onChange={set("logoUrl")} error={errors.logoUrl} hint="A public https URL of your logo." />
          <TextField label="Support email" name="supportEmail" type="email" value={values.supportEmail} onChange={set("supportEmail")} error={errors.supportEmail} />
          <TextField label="Support phone" name="supportPhone" type="tel" value={values.supportPhone} onChange={set("supportPhone")} error={errors.supportPhone} hint="Saved in international format." />
        </div>
      </Card>
      <Card className="p-5">
        <h2 className="text-base font-semibold">Defaults</h2>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <TextField label="Default locale" name="defaultLocale" list="locale-options" value={values.defaultLocale} onChange={set("defaultLocale")} error={errors.defaultLocale} hint="Language and region of confirmations when the order does not say." />
          <datalist id="locale-options">
            {commonLocales.map((locale) => (
              <option key={locale} value={locale} />
            ))}
          </datalist>
          <SelectField label="Time zone" name="timezone" value={values.timezone} onChange={set("timezone")} error={errors.timezone} options={toOptions(timeZoneOptions)} hint="Times in the dashboard and in messages are shown in this zone." />
          <SelectField label="Currency" name="currency" value={values.currency} onChange={set("currency")} error={errors.currency} options={toOptions(currencyOptions)} />
          <SelectField label="Default country for phone numbers" name="defaultCountry" value={values.defaultCountry} onChange={set("defaultCountry")} error={errors.defaultCountry} options={toOptions(countryOptions)} hint="Numbers without a country code are read as this country's." />
          <TextField label="Delivery lead time (days)" name="deliveryLeadTimeDays" type="number" min={0} max={365} value={values.deliveryLeadTimeDays} onChange={set("deliveryLeadTimeDays")} error={errors.deliveryLeadTimeDays} hint="Used for the delivery estimate when an order carries none." />
        </div>
      </Card>
      <div className="flex items-center gap-3">
        <Button type="submit" busy={update.isPending}>
          Save settings
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-green-700">
            Settings saved.
          </p>
        ) : null}
      </div>
      <FormError message={formError} />
    </form>
  );
}
