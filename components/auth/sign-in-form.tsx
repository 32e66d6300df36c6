"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { FormError, TextField } from "../ui/field";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email || !password) {
      setError("Enter your email and password.");
      return;
    }
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      setBusy(false);
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
      return;
    }
    // A full navigation, so the server renders the dashboard with the new session cookie.
    window.location.assign(callbackUrl);
  }

  return (
    <Card className="p-6">
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField label="Email" name="email" type="email" autoComplete="username" autoFocus value={email} onChange={(event) => setEmail(event.target.value)} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        <FormError message={error} />
        <Button type="submit" className="w-full" busy={busy}>
          Sign in
        </Button>
      </form>
    </Card>
  );
}
