"use client";

import { Button } from "../ui/button";

/** A generated password, shown this once: it is stored only as a hash. */
export function OneTimePassword({ email, password, what, onDismiss }: { email: string; password: string; what: string; onDismiss: () => void }) {
  return (
    <div role="status" className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200">
      <p className="font-medium">
        Password {what} for {email}. Copy it now: it will not be shown again.
      </p>
      <p className="mt-2">
        <code data-testid="one-time-password" className="rounded bg-white px-2 py-1 font-mono text-base ring-1 ring-amber-200">
          {password}
        </code>
      </p>
      <div className="mt-3 flex gap-2">
        <Button size="sm" variant="secondary" onClick={() => void navigator.clipboard?.writeText(password)}>
          Copy
        </Button>
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </div>
  );
}
