"use client";

import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { approveAccessRequest, declineAccessRequest } from "@/lib/access-requests/actions";
import type { PendingAccessRequest } from "@/lib/access-requests/queries";

export type AccessRequestsProps = { briefingId: string; requests: PendingAccessRequest[] };

/** Pending requests for access, each approved with a chosen role or declined (for those who may share). */
export function AccessRequests({ briefingId, requests }: AccessRequestsProps) {
  const approve = useAction(approveAccessRequest);
  const decline = useAction(declineAccessRequest);
  if (requests.length === 0) return null;
  return (
    <div className="access-requests">
      <h3 id="access-requests-heading">Requests for access</h3>
      <ul className="plain-list" aria-labelledby="access-requests-heading">
        {requests.map((r) => (
          <li key={r.id}>
            <form
              className="form form--inline"
              aria-label={`Request from ${r.name}`}
              onSubmit={(e) => {
                e.preventDefault();
                const role = String(new FormData(e.currentTarget).get("role"));
                approve.run({ briefingId, requestId: r.id, role });
              }}
            >
              <span>
                {r.name} &lt;{r.email}&gt;
                {r.message ? <q className="muted"> {r.message}</q> : null}
              </span>
              <label className="visually-hidden" htmlFor={`request-role-${r.id}`}>
                Role for {r.name}
              </label>
              <select id={`request-role-${r.id}`} name="role" defaultValue="viewer">
                <option value="viewer">Viewer</option>
                <option value="commenter">Commenter</option>
                <option value="editor">Editor</option>
              </select>
              <button type="submit" className="button button--small" disabled={approve.pending}>
                Approve
              </button>
              <button
                type="button"
                className="button button--small button--secondary"
                disabled={decline.pending}
                onClick={() => decline.run({ briefingId, requestId: r.id })}
              >
                Decline
              </button>
            </form>
          </li>
        ))}
      </ul>
      <FormStatus error={approve.error ?? decline.error} />
    </div>
  );
}
