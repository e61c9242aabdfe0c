"use client";

import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { verifyUserEmail } from "@/lib/users/actions";

export type VerifyEmailButtonProps = { userId: string; email: string };

/** An administrator's "Mark verified" for an account whose address is not verified yet. */
export function VerifyEmailButton({ userId, email }: VerifyEmailButtonProps) {
  const { run, pending, error } = useAction(verifyUserEmail);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={pending}
        aria-label={`Mark ${email} verified`}
        onClick={() => run({ userId })}
      >
        {pending ? "Marking…" : "Mark verified"}
      </button>
      <FormStatus error={error} />
    </>
  );
}
