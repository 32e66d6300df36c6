import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "../ui/cn";

const controlClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-inset placeholder:text-gray-400 focus:ring-2 focus:ring-inset focus:outline-none";

type FrameProps = {
  id: string;
  /** The label's exact text (the accessible name of the control). */
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Shown next to the label, outside it (e.g. a secret's "set" / "not set"). */
  status?: ReactNode;
  className?: string;
};

/**
 * Label, control, help and error. The "Required" mark and status sit beside the label, not in it, so the
 * control's accessible name is exactly `label`; screen readers get "required" from the control itself.
 */
function Frame({ id, label, hint, error, required, status, className, children }: FrameProps & { children: ReactNode }) {
  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="block text-sm font-medium text-gray-900">
          {label}
        </label>
        {required ? (
          <span aria-hidden className="text-xs font-medium text-red-700">
            Required
          </span>
        ) : null}
        {status}
      </div>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-gray-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

export function InputControl({ id, label, hint, error, required, status, className, ...props }: FrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "required">) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={required} status={status} className={className}>
      <input
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cn(controlClass, error ? "ring-red-400 focus:ring-red-500" : "ring-gray-300 focus:ring-indigo-600")}
        {...props}
      />
    </Frame>
  );
}

export function SelectControl({
  id,
  label,
  hint,
  error,
  required,
  status,
  className,
  options,
  ...props
}: FrameProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "required"> & { options: Array<{ value: string; label: string }> }) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={required} status={status} className={className}>
      <select
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cn(controlClass, error ? "ring-red-400" : "ring-gray-300 focus:ring-indigo-600")}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
