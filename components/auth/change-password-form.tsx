"use client";

import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { authClient, authErrorMessage } from "@/lib/auth/client";

export type ChangePasswordFormProps = { minPasswordLength: number };

export function ChangePasswordForm({ minPasswordLength }: ChangePasswordFormProps) {
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [pending, setPending] = useState(false);
  return (
    <form
      className="form"
      onSubmit={async (e) => {
        e.preventDefault();
        const formElement = e.currentTarget;
        const form = new FormData(formElement);
        const newPassword = String(form.get("newPassword"));
        if (newPassword !== String(form.get("confirm"))) return setStatus({ error: "The two new passwords differ." });
        setPending(true);
        const { error } = await authClient.changePassword({
          currentPassword: String(form.get("currentPassword")),
          newPassword,
          revokeOtherSessions: true,
        });
        setPending(false);
        if (error) return setStatus({ error: authErrorMessage(error) });
        formElement.reset();
        setStatus({ success: "Password changed. Other sessions were signed out." });
      }}
    >
      <div className="field">
        <label htmlFor="currentPassword">Current password</label>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
      </div>
      <div className="field">
        <label htmlFor="newPassword">New password</label>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={minPasswordLength}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="confirm">Repeat new password</label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </div>
      <FormStatus error={status.error} success={status.success} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
