"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type OrderFilters, filtersFromParams, paramsFromFilters } from "@/lib/orders/order-filters";

/**
 * The orders list's search, filters and page live in the URL, so a filtered view can be bookmarked, shared,
 * reloaded and reached from the Overview's cards. A filter that does not parse is dropped with a message.
 */
export function useOrderFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const parsed = useMemo(() => filtersFromParams(new URLSearchParams(params.toString())), [params]);
  const filters: OrderFilters = useMemo(() => (parsed.ok ? parsed.filters : {}), [parsed]);
  const cursor = params.get("cursor") ?? undefined;
  const direction = params.get("dir") === "prev" ? ("prev" as const) : ("next" as const);

  const navigate = useCallback(
    (next: Partial<OrderFilters>, page?: { cursor: string; direction: "next" | "prev" }) => {
      const query = paramsFromFilters(next);
      if (page) {
        query.set("cursor", page.cursor);
        if (page.direction === "prev") query.set("dir", "prev");
      }
      const text = query.toString();
      // The list may have been left meanwhile (a link followed while a search was pending): stay there.
      if (window.location.pathname !== pathname) return;
      router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
    },
    [router, pathname],
  );

  const setFilters = useCallback((changes: Partial<OrderFilters>) => navigate({ ...filters, ...changes }), [navigate, filters]);
  const exportQuery = paramsFromFilters(filters).toString();
  return {
    filters,
    invalid: parsed.ok ? null : parsed.error,
    cursor,
    direction,
    /** Changes filters and goes back to the first page. */
    setFilters,
    goTo: (page: { cursor: string; direction: "next" | "prev" }) => navigate(filters, page),
    exportHref: `/api/orders/export.csv${exportQuery ? `?${exportQuery}` : ""}`,
  };
}
