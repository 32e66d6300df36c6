"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * A side panel over the page, on the native <dialog>: it traps focus, closes with Escape, and gives focus
 * back to what opened it.
 */
export function Drawer({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      className="fixed inset-y-0 right-0 left-auto m-0 h-full max-h-none w-full max-w-3xl overflow-y-auto bg-white p-0 shadow-xl backdrop:bg-gray-900/40"
    >
      {open ? (
        <div className="p-6">
          <div className="mb-4 flex items-start justify-between gap-4">
            <h2 className="text-lg font-semibold text-gray-900">{title}</h2>
            <button type="button" onClick={onClose} className="rounded-md px-2 py-1 text-sm text-gray-600 ring-1 ring-gray-300 hover:bg-gray-50">
              Close
            </button>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
