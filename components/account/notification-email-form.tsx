"use client";

import { useState } from "react";
import { setEmailPreference } from "@/lib/notifications/actions";
import type { EmailPreference } from "@/lib/notifications/kinds";

export type NotificationEmailFormProps = { current: EmailPreference; mailConfigured: boolean };

const OPTIONS: { value: EmailPreference; label: string }[] = [
  { value: "mentions", label: "Mentions and replies" },
  { value: "all", label: "Everything (also shares, resolved threads and access requests)" },
  { value: "none", label: "Nothing" },
];

/** "E-mail me about": what the digest mails (at most one every few minutes) cover. */
export function NotificationEmailForm({ current, mailConfigured }: NotificationEmailFormProps) {
  const [value, setValue] = useState(current);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await setEmailPreference({ email: value });
    setSaving(false);
    setStatus(result.ok ? { ok: true, message: "Saved." } : { ok: false, message: result.message });
  };

  return (
    <form onSubmit={save} className="form notifications-form">
      <fieldset>
        <legend>E-mail me about</legend>
        {OPTIONS.map((option) => (
          <label key={option.value} className="radio">
            <input
              type="radio"
              name="notification-email"
              value={option.value}
              checked={value === option.value}
              onChange={() => setValue(option.value)}
            />{" "}
            {option.label}
          </label>
        ))}
      </fieldset>
      {mailConfigured ? null : (
        <p className="hint">
          This instance sends no e-mail (no SMTP server configured); the setting applies once it does.
        </p>
      )}
      <button type="submit" className="button button--small" disabled={saving}>
        {saving ? "Saving…" : "Save"}
      </button>
      {status ? <p role={status.ok ? "status" : "alert"}>{status.message}</p> : null}
    </form>
  );
}
