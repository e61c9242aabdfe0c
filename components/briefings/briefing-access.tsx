"use client";

import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import type { PendingAccessRequest } from "@/lib/access-requests/queries";
import { deleteBriefing, revokeBriefingGrant, shareBriefing } from "@/lib/briefings/actions";
import { AccessRequests } from "./access-requests";

export type Grant = { id: string; label: string; role: string };
export type BriefingAccessProps = {
  briefingId: string;
  grants: Grant[];
  teams: { id: string; name: string }[];
  /** Pending requests for access (only passed to those who may share). */
  requests: PendingAccessRequest[];
  canShare: boolean;
  canDelete: boolean;
};

/** Who has access, sharing with a person or a team, and deleting (for those allowed). */
export function BriefingAccess({ briefingId, grants, teams, requests, canShare, canDelete }: BriefingAccessProps) {
  const router = useRouter();
  const share = useAction(shareBriefing);
  const revoke = useAction(revokeBriefingGrant);
  const remove = useAction(deleteBriefing);
  return (
    <section aria-labelledby="access-heading" className="detail__section">
      <h2 id="access-heading">Access</h2>
      {canShare ? <AccessRequests briefingId={briefingId} requests={requests} /> : null}
      {grants.length === 0 ? <p className="muted">Only the owner has access.</p> : null}
      <ul className="plain-list" aria-label="People and teams with access">
        {grants.map((g) => (
          <li key={g.id}>
            {g.label} · {g.role}{" "}
            {canShare ? (
              <button
                type="button"
                className="button button--secondary button--small"
                aria-label={`Remove access of ${g.label}`}
                onClick={() => revoke.run({ briefingId, grantId: g.id })}
              >
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <FormStatus error={revoke.error} />
      {canShare ? (
        <form
          className="form form--inline"
          aria-label="Share"
          onSubmit={(e) => {
            e.preventDefault();
            const element = e.currentTarget;
            const form = new FormData(element);
            const target = String(form.get("target"));
            const role = String(form.get("role"));
            const input = target.startsWith("team:")
              ? { briefingId, teamId: target.slice(5), role }
              : { briefingId, email: target, role };
            share.run(input, () => element.reset());
          }}
        >
          <div className="field field--grow">
            <label htmlFor="share-target">Person (e-mail) or team</label>
            <input id="share-target" name="target" list="share-teams" required placeholder="colleague@example.org" />
            <datalist id="share-teams">
              {teams.map((t) => (
                <option key={t.id} value={`team:${t.id}`}>
                  {t.name}
                </option>
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor="share-role">Role</label>
            <select id="share-role" name="role" defaultValue="viewer">
              <option value="viewer">Viewer</option>
              <option value="commenter">Commenter</option>
              <option value="editor">Editor</option>
            </select>
          </div>
          <button type="submit" className="button" disabled={share.pending}>
            Share
          </button>
          <FormStatus error={share.error} />
        </form>
      ) : null}
      {canDelete ? (
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            if (window.confirm("Move this briefing to the trash? You can restore it later.")) {
              remove.run({ briefingId }, () => router.push("/briefings"));
            }
          }}
        >
          Delete briefing
        </button>
      ) : null}
    </section>
  );
}
