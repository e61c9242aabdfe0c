"use client";

import { useState } from "react";
import { ShareExpiryField } from "@/components/share/share-expiry-field";
import { CopyButton } from "@/components/ui/copy-button";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { createShareLink, revokeShareLink } from "@/lib/shares/actions";
import type { ShareLinkView } from "@/lib/shares/queries";
import "./share.css";

export type ShareLinksManagerProps = { briefingId: string; links: ShareLinkView[] };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "27 Nov 2026, 14:03 UTC": the same on the server and in every browser (no hydration drift). */
function when(iso: string | null, none: string): string {
  if (!iso) return none;
  const d = new Date(iso);
  const time = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${time} UTC`;
}

/** Create read-only links (shown once), see the active ones with their last use, revoke them. */
export function ShareLinksManager({ briefingId, links }: ShareLinksManagerProps) {
  const create = useAction(createShareLink);
  const revoke = useAction(revokeShareLink);
  const [created, setCreated] = useState<{ url: string; expiresAt: string | null } | null>(null);
  return (
    <div className="share-links" data-testid="share-links">
      <form
        className="form form--inline"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const expiresInDays = String(form.get("expiresInDays") ?? "");
          const withComments = form.get("withComments") === "on";
          setCreated(null);
          create.run({ briefingId, expiresInDays, withComments }, (data) => setCreated(data));
        }}
      >
        <ShareExpiryField id="share-expiry" />
        <label className="check share-links__comments">
          <input type="checkbox" name="withComments" data-testid="share-with-comments" /> Show comments
        </label>
        <button type="submit" className="button" disabled={create.pending}>
          {create.pending ? "Creating…" : "Create read-only link"}
        </button>
        <FormStatus error={create.error} />
      </form>
      {created ? (
        <div className="notice" role="status">
          <p>
            <strong>Copy this link now: it is shown only once.</strong> Anyone with it can read the briefing
            {created.expiresAt ? ` until ${when(created.expiresAt, "")}` : " until you revoke it"}.
          </p>
          <div className="share-links__new-url">
            <input
              readOnly
              value={created.url}
              aria-label="New share link"
              data-testid="new-share-link"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={created.url} label="Copy link" />
          </div>
        </div>
      ) : null}
      {links.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>Active links</caption>
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">By</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Comments</th>
                <th scope="col">Shows</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => (
                <tr key={link.id} data-testid="share-link-row">
                  <td>{when(link.createdAt, "")}</td>
                  <td>{link.createdBy}</td>
                  <td>{when(link.expiresAt, "Never")}</td>
                  <td>{when(link.lastUsedAt, "Not yet")}</td>
                  <td>{link.withComments ? "Shown" : "Hidden"}</td>
                  <td>{link.version ? `Version ${link.version.label}` : "Live document"}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={revoke.pending}
                      aria-label={`Revoke the link created ${when(link.createdAt, "")}`}
                      onClick={() => revoke.run({ briefingId, linkId: link.id })}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No active links.</p>
      )}
      <FormStatus error={revoke.error} />
    </div>
  );
}
