"use client";

import { Button } from "./button";

export function Pagination({
  page,
  pageCount,
  total,
  onPage,
  noun = "items",
}: {
  page: number;
  pageCount: number;
  total: number;
  onPage: (page: number) => void;
  noun?: string;
}) {
  return (
    <nav className="flex items-center justify-between border-t border-gray-200 px-4 py-3 text-sm text-gray-600" aria-label="Pagination">
      <p>
        {total} {noun} · page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
