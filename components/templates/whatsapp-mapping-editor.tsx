"use client";

import { scalarVariableNames } from "@/lib/templates/variable-catalogue";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";

export type WhatsAppDraft = { name: string; languageCode: string; bodyParameters: string[]; bodyText: string };

export const emptyWhatsAppDraft: WhatsAppDraft = { name: "", languageCode: "", bodyParameters: ["customer.first_name", "order.number"], bodyText: "" };

/**
 * The approved WhatsApp template this message maps onto: outside the 24-hour window WhatsApp sends only
 * approved templates, filled positionally, so each {{n}} gets one of the order's variables.
 */
export function WhatsAppMappingEditor({ value, onChange, errors }: { value: WhatsAppDraft | null; onChange: (value: WhatsAppDraft | null) => void; errors: Record<string, string | undefined> }) {
  const set = (patch: Partial<WhatsAppDraft>) => value && onChange({ ...value, ...patch });
  const setParameter = (index: number, name: string) => set({ bodyParameters: value!.bodyParameters.map((current, at) => (at === index ? name : current)) });
  return (
    <fieldset className="space-y-3 rounded-md border border-gray-200 p-4">
      <legend className="px-1 text-sm font-semibold text-gray-900">WhatsApp approved template</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={value !== null} onChange={(event) => onChange(event.target.checked ? { ...emptyWhatsAppDraft } : null)} className="size-4 rounded border-gray-300" />
        Map this message onto an approved WhatsApp template
      </label>
      <p className="text-xs text-gray-500">
        WhatsApp refuses free text outside the 24-hour customer service window, so a WhatsApp channel in template mode sends this approved
        template instead of the text above. Name and language exactly as WhatsApp Manager → Message templates shows them.
      </p>
      {value ? (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="Template name" placeholder="order_confirmation" value={value.name} onChange={(event) => set({ name: event.target.value })} error={errors["whatsapp.name"]} />
            <TextField label="Template language" placeholder="es, en_US, ja" value={value.languageCode} onChange={(event) => set({ languageCode: event.target.value })} error={errors["whatsapp.languageCode"]} />
          </div>
          <div className="space-y-2">
            {value.bodyParameters.map((name, index) => (
              <div key={index} className="flex items-end gap-2">
                <div className="flex-1">
                  <SelectField
                    label={`Parameter {{${index + 1}}}`}
                    value={name}
                    onChange={(event) => setParameter(index, event.target.value)}
                    options={scalarVariableNames.map((variable) => ({ value: variable, label: variable }))}
                    error={errors[`whatsapp.bodyParameters.${index}`]}
                  />
                </div>
                <Button variant="ghost" size="sm" onClick={() => set({ bodyParameters: value.bodyParameters.filter((_, at) => at !== index) })} aria-label={`Remove parameter {{${index + 1}}}`}>
                  Remove
                </Button>
              </div>
            ))}
            <Button variant="secondary" size="sm" disabled={value.bodyParameters.length >= 20} onClick={() => set({ bodyParameters: [...value.bodyParameters, "order.total"] })}>
              Add a parameter
            </Button>
          </div>
          <div className="space-y-1">
            <label htmlFor="whatsapp-body-text" className="block text-sm font-medium text-gray-900">
              Approved body (optional, for the preview)
            </label>
            <textarea
              id="whatsapp-body-text"
              rows={3}
              value={value.bodyText}
              onChange={(event) => set({ bodyText: event.target.value })}
              placeholder="Hola {{1}}, tu pedido {{2}} está confirmado."
              className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600"
            />
            {errors["whatsapp.bodyText"] ? <p className="text-sm text-red-600">{errors["whatsapp.bodyText"]}</p> : null}
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
