"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { errorDetails } from "../trpc/errors";

/**
 * What every support action form needs: its error and field errors, and refreshing what the action
 * changed (the order, the lists, the attention count) once it succeeds.
 */
export function useActionFeedback() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  return {
    error,
    fieldErrors,
    reset: () => {
      setError(null);
      setFieldErrors({});
    },
    onError: (failure: unknown) => {
      const details = errorDetails(failure);
      setError(details.message);
      setFieldErrors(details.fieldErrors);
    },
    refresh: async () => {
      setError(null);
      setFieldErrors({});
      await queryClient.invalidateQueries();
    },
  };
}
