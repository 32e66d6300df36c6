"use client";

import { type ReactNode, createContext, useContext } from "react";
import { formatDateTime, formatMoney } from "@/lib/format";

export type StoreDisplay = { name: string; timezone: string; locale: string; currency: string };

const StoreDisplayContext = createContext<StoreDisplay>({ name: "", timezone: "UTC", locale: "en-US", currency: "USD" });

export function StoreDisplayProvider({ value, children }: { value: StoreDisplay; children: ReactNode }) {
  return <StoreDisplayContext.Provider value={value}>{children}</StoreDisplayContext.Provider>;
}

export function useStoreDisplay(): StoreDisplay {
  return useContext(StoreDisplayContext);
}

/** A timestamp in the store's time zone; the full instant in UTC on hover. */
export function Time({ value }: { value: Date | string | null | undefined }) {
  const { timezone, locale } = useStoreDisplay();
  if (!value) return <span className="text-gray-400">—</span>;
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} title={`${date.toISOString()} (${timezone})`}>
      {formatDateTime(date, timezone, locale)}
    </time>
  );
}

export function Money({ minor, currency }: { minor: number; currency: string }) {
  const { locale } = useStoreDisplay();
  return <span>{formatMoney(minor, currency, locale)}</span>;
}
