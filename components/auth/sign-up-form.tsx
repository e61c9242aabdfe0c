"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { authClient, authErrorMessage } from "@/lib/auth/client";

export type SignUpFormProps = { next: string; minPasswordLength: number; firstAccount: boolean };

export function SignUpForm({ next, minPasswordLength, firstAccount }: SignUpFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  return (
    <form
      className="form auth-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const password = String(form.get("password"));
        if (password !== String(form.get("confirm"))) return setError("The two passwords differ.");
        setPending(true);
        const email = String(form.get("email")).trim();
        const { error: failure } = await authClient.signUp.email({
          name: String(form.get("name")).trim(),
          email,
          password,
        });
        // Sign-up answers alike whether or not the address had an account (no enumeration) and
        // does not sign in: signing in is the next step, and only works with that account's password.
        const { error: signInFailure } = failure
          ? { error: failure }
          : await authClient.signIn.email({ email, password });
        setPending(false);
        if (signInFailure) {
          return setError(
            signInFailure.status === 401
              ? "Could not create this account. If you already have one, sign in instead."
              : authErrorMessage(signInFailure),
          );
        }
        router.push(next);
        router.refresh();
      }}
    >
      {firstAccount ? (
        <p className="notice">This is the first account on this installation: it will administer the instance.</p>
      ) : null}
      <div className="field">
        <label htmlFor="name">Name</label>
        <input id="name" name="name" autoComplete="name" required maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="email">E-mail</label>
        <input id="email" name="email" type="email" autoComplete="email" required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={minPasswordLength}
          required
          aria-describedby="password-help"
        />
        <small id="password-help" className="muted">
          At least {minPasswordLength} characters, and not a common password (a few unrelated words work well).
        </small>
      </div>
      <div className="field">
        <label htmlFor="confirm">Repeat password</label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </div>
      <FormStatus error={error} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </button>
      <p className="muted">
        Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </form>
  );
}
