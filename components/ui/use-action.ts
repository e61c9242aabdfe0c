"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions";

/**
 * Runs a server action from a client component: pending state, the error message to show, field
 * errors, and a router refresh after success so server components show the new data.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  const run = (input: I, onSuccess?: (data: T) => void) =>
    new Promise<ActionResult<T>>((resolve) => {
      startTransition(async () => {
        const result = await action(input).catch(
          (): ActionResult<T> => ({
            ok: false,
            code: "unavailable",
            message: "The server could not be reached. Nothing was saved.",
          }),
        );
        if (result.ok) {
          setError(null);
          setFieldErrors({});
          onSuccess?.(result.data);
          router.refresh();
        } else {
          setError(result.message);
          setFieldErrors(result.fieldErrors ?? {});
        }
        resolve(result);
      });
    });

  return { run, pending, error, fieldErrors };
}
