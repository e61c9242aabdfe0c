"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { authClient, authErrorMessage } from "@/lib/auth/client";

export type SignInFormProps = { next: string };

export function SignInForm({ next }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  return (
    <form
      className="form auth-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setPending(true);
        const { error: failure } = await authClient.signIn.email({
          email: String(form.get("email")),
          password: String(form.get("password")),
        });
        setPending(false);
        if (failure) return setError(failure.status === 401 ? "Wrong e-mail or password." : authErrorMessage(failure));
        router.push(next);
        router.refresh();
      }}
    >
      <div className="field">
        <label htmlFor="email">E-mail</label>
        <input id="email" name="email" type="email" autoComplete="email" required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <FormStatus error={error} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="muted">
        New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </form>
  );
}
