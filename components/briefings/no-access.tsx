"use client";

import Link from "next/link";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { requestAccess } from "@/lib/access-requests/actions";
import type { OwnAccessRequest } from "@/lib/access-requests/queries";
import { ACCESS_REQUEST_MESSAGE_MAX } from "@/lib/access-requests/schema";

export type NoAccessProps = { briefingId: string; request: OwnAccessRequest | null };

/**
 * A briefing the user may not read: says so without its title or owner, and lets them ask for
 * access (the owner and editors see the request in the briefing's access panel).
 */
export function NoAccess({ briefingId, request }: NoAccessProps) {
  const ask = useAction(requestAccess);
  return (
    <div className="empty-state">
      <h1>You don't have access to this briefing</h1>
      {request?.status === "pending" ? (
        <p role="status">You asked for access. You can open the briefing once the owner or an editor approves.</p>
      ) : request?.status === "declined" ? (
        <p>Your request for access was declined.</p>
      ) : (
        <form
          className="form"
          aria-label="Request access"
          onSubmit={(e) => {
            e.preventDefault();
            const message = String(new FormData(e.currentTarget).get("message") ?? "");
            ask.run({ briefingId, message });
          }}
        >
          <p>Ask the people who manage it to let you in.</p>
          <div className="field">
            <label htmlFor="access-message">Message (optional)</label>
            <textarea id="access-message" name="message" rows={3} maxLength={ACCESS_REQUEST_MESSAGE_MAX} />
          </div>
          <button type="submit" className="button" disabled={ask.pending}>
            Request access
          </button>
          <FormStatus error={ask.error} />
        </form>
      )}
      <Link className="button button--secondary" href="/briefings">
        Back to your briefings
      </Link>
    </div>
  );
}
