"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { type OrderFilters, confirmationFilterLabels, confirmationFilters } from "@/lib/orders/order-filters";
import { orderStatuses } from "@/lib/order-states";
import { useTRPC } from "../trpc/trpc-provider";
import { SelectField, TextField } from "../ui/field";

const statusLabels: Record<(typeof orderStatuses)[number], string> = { awaiting_payment: "Awaiting payment", paid: "Paid", cancelled: "Cancelled", refunded: "Refunded" };

/**
 * Search and filters. The search runs when typing pauses (or on Enter), not on every keystroke; every
 * control has a label and works from the keyboard.
 */
export function OrdersFilterBar({ filters, onChange }: { filters: OrderFilters; onChange: (changes: Partial<OrderFilters>) => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.orders.filterOptions.queryOptions());
  const [text, setText] = useState(filters.search ?? "");
  // The URL can change the search too (back button, Clear filters): follow it unless it is what is typed.
  const [shown, setShown] = useState(filters.search);
  if (shown !== filters.search) {
    setShown(filters.search);
    if (text.trim() !== (filters.search ?? "")) setText(filters.search ?? "");
  }
  useEffect(() => {
    if (text.trim() === (filters.search ?? "")) return;
    const timer = setTimeout(() => onChange({ search: text.trim() || undefined }), 400);
    // Following a link (an order in the list) before the pause ends must not be undone by the search.
    const cancelOnLink = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest("a[href]")) clearTimeout(timer);
    };
    document.addEventListener("click", cancelOnLink, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("click", cancelOnLink, true);
    };
  }, [text, filters.search, onChange]);

  const select = (field: keyof OrderFilters) => (event: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) => onChange({ [field]: event.target.value || undefined });
  return (
    <form
      role="search"
      className="grid gap-3 border-b border-gray-200 p-4 sm:grid-cols-2 lg:grid-cols-4"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ search: text.trim() || undefined });
      }}
    >
      <div className="sm:col-span-2">
        <TextField
          label="Search orders"
          type="search"
          placeholder="Order number, email, phone in any format, name or platform id"
          value={text}
          maxLength={200}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <SelectField label="Status" value={filters.status ?? ""} onChange={select("status")} options={[{ value: "", label: "Any status" }, ...orderStatuses.map((value) => ({ value, label: statusLabels[value] }))]} />
      <SelectField
        label="Confirmation"
        value={filters.confirmation ?? ""}
        onChange={select("confirmation")}
        options={[{ value: "", label: "Any outcome" }, ...confirmationFilters.map((value) => ({ value, label: confirmationFilterLabels[value] }))]}
      />
      <SelectField label="Source" value={filters.source ?? ""} onChange={select("source")} options={[{ value: "", label: "Every source" }, ...(options.data?.sources ?? []).map((source) => ({ value: source.id, label: source.name }))]} />
      <SelectField label="Channel" value={filters.channel ?? ""} onChange={select("channel")} options={[{ value: "", label: "Every channel" }, ...(options.data?.channels ?? []).map((channel) => ({ value: channel.id, label: channel.name }))]} />
      <TextField label="Received from" type="date" value={filters.from ?? ""} onChange={select("from")} />
      <TextField label="Received to" type="date" value={filters.to ?? ""} onChange={select("to")} />
    </form>
  );
}
