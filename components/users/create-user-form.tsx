"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type UserRole, roleDescriptions, roleLabels } from "@/lib/roles";
import { type FieldErrors, fieldErrorsOf } from "@/lib/validation/field-errors";
import { createUserInput } from "@/lib/validation/users";
import { errorDetails } from "../trpc/errors";
import { useTRPC } from "../trpc/trpc-provider";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { FormError, SelectField, TextField } from "../ui/field";

const empty = { email: "", name: "", role: "agent" as UserRole, password: "" };

export function CreateUserForm({ onCreated }: { onCreated: (email: string, generatedPassword: string | null) => unknown }) {
  const trpc = useTRPC();
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(trpc.users.create.mutationOptions());

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { ...values, password: values.password || undefined };
    const parsed = createUserInput.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    setFormError(null);
    try {
      const result = await create.mutateAsync(parsed.data);
      setValues(empty);
      await onCreated(result.user.email, result.generatedPassword);
    } catch (error) {
      const details = errorDetails(error);
      setErrors(details.fieldErrors);
      if (Object.keys(details.fieldErrors).length === 0) setFormError(details.message);
    }
  }

  const set = (field: keyof typeof empty) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold">Add a user</h2>
      <form onSubmit={submit} noValidate className="mt-4 grid gap-4 md:grid-cols-2">
        <TextField label="Email" name="email" type="email" autoComplete="off" value={values.email} onChange={set("email")} error={errors.email} required />
        <TextField label="Name" name="name" autoComplete="off" value={values.name} onChange={set("name")} error={errors.name} />
        <SelectField
          label="Role"
          name="role"
          value={values.role}
          onChange={set("role")}
          error={errors.role}
          hint={roleDescriptions[values.role]}
          options={(Object.keys(roleLabels) as UserRole[]).map((role) => ({ value: role, label: roleLabels[role] }))}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set("password")}
          error={errors.password}
          hint="At least 12 characters. Leave empty to generate one, shown once."
        />
        <div className="md:col-span-2 space-y-3">
          <FormError message={formError} />
          <Button type="submit" busy={create.isPending}>
            Add user
          </Button>
        </div>
      </form>
    </Card>
  );
}
