"use client";

import { useState } from "react";
import { Button } from "../ui/button";

/**
 * Copies a value to the clipboard. The accessible name stays `label` whatever happens; the outcome is
 * announced next to the button, so a screen reader hears it and the button can be found by its name.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      setStatus("failed"); // an http:// dashboard has no clipboard API: the value is selectable text
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="secondary" aria-label={label} onClick={() => void copy()}>
        Copy
      </Button>
      <span role="status" className="text-xs text-gray-500">
        {status === "copied" ? "Copied" : status === "failed" ? "Copy failed: select the text and copy it yourself" : ""}
      </span>
    </span>
  );
}
