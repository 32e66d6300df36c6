/** One input of a provider's generated form, credentials first. */
export type CredentialField = {
  name: string;
  label: string;
  help: string;
  /** Secret fields are write-only: encrypted at rest, never sent back to the browser. */
  secret: boolean;
  required: boolean;
  placeholder?: string;
  /** Shown as a select. */
  options?: Array<{ value: string; label: string }>;
};
