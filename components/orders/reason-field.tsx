import { TextField } from "../ui/field";

/** Every support action says why: the reason goes into the audit log and onto the order's timeline. */
export function ReasonField({ value, onChange, error, label = "Reason", placeholder = "Why, in a few words (goes into the audit log)" }: { value: string; onChange: (value: string) => void; error?: string; label?: string; placeholder?: string }) {
  return <TextField label={label} value={value} onChange={(event) => onChange(event.target.value)} error={error} placeholder={placeholder} required minLength={3} maxLength={500} />;
}
