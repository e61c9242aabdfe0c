"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { inviteToTeam } from "@/lib/teams/actions";

export type InviteFormProps = { teamId: string; mailConfigured: boolean };

/** Invites by e-mail and shows the link to pass on (no mail server is assumed). */
export function InviteForm({ teamId, mailConfigured }: InviteFormProps) {
  const { run, pending, error } = useAction(inviteToTeam);
  const [link, setLink] = useState<string | null>(null);
  return (
    <div>
      <form
        className="form form--inline"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          setLink(null);
          run({ teamId, email: String(form.get("email")), role: String(form.get("role")) }, (data) =>
            setLink(data.url),
          );
        }}
      >
        <div className="field field--grow">
          <label htmlFor="invite-email">E-mail</label>
          <input id="invite-email" name="email" type="email" required />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="member">
            <option value="member">Member</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Inviting…" : "Create invitation"}
        </button>
      </form>
      <FormStatus error={error} />
      {link ? (
        <div className="invite-link" role="status">
          <p>
            Invitation created{mailConfigured ? " and mailed" : ""}. Send this link to the invitee; it works for 7 days:
          </p>
          <div className="invite-link__row">
            <input
              readOnly
              value={link}
              aria-label="Invitation link"
              data-testid="invitation-link"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={link} label="Copy link" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
