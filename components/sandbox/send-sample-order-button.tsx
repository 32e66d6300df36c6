"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";

/** The sample customer's language: each shipped language's templates can be tried end to end. */
const languages = [
  { value: "", label: "Store's default" },
  { value: "en-US", label: "English" },
  { value: "es-ES", label: "Español" },
  { value: "fr-FR", label: "Français" },
  { value: "de-DE", label: "Deutsch" },
  { value: "ja-JP", label: "日本語" },
];

/** Posts a signed sample POS order to this app's own trigger URL: the whole pipeline runs, for real. */
export function SendSampleOrderButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const languageId = useId();
  const [locale, setLocale] = useState("");
  const send = useMutation(
    trpc.orders.sendSample.mutationOptions({
      onSuccess: () => setTimeout(() => void queryClient.invalidateQueries(), 1500),
    }),
  );
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={() => send.mutate(locale ? { locale } : {})} busy={send.isPending}>
        Send a sample order
      </Button>
      <label htmlFor={languageId} className="text-sm text-gray-700">
        Customer&apos;s language
      </label>
      <select
        id={languageId}
        value={locale}
        onChange={(event) => setLocale(event.target.value)}
        className="rounded-md border-0 bg-white px-2 py-1.5 text-sm text-gray-900 shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600"
      >
        {languages.map((language) => (
          <option key={language.value} value={language.value}>
            {language.label}
          </option>
        ))}
      </select>
      {send.data ? (
        <p role="status" className="text-sm text-green-700">
          Sample order {send.data.orderNumber} sent. Its confirmation appears in the{" "}
          <Link href="/sandbox" className="font-medium underline">
            Sandbox inbox
          </Link>{" "}
          within seconds.
        </p>
      ) : null}
      {send.error ? (
        <p role="alert" className="text-sm text-red-600">
          {errorDetails(send.error).message}
        </p>
      ) : null}
    </div>
  );
}
