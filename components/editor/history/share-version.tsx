"use client";

import { useState } from "react";
import { ShareExpiryField } from "@/components/share/share-expiry-field";
import { CopyButton } from "@/components/ui/copy-button";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { createShareLink } from "@/lib/shares/actions";
import type { VersionSummary } from "@/lib/versions/service";
import "@/components/share/share.css";

export type ShareVersionProps = { briefingId: string; version: VersionSummary; onClose: () => void };

/**
 * "Share this version": a read-only link to this version, frozen ("As of <name, time>"); later
 * edits never show through it. Named versions only: automatic ones are thinned over time, and a
 * link must not lose its version. The URL is shown once; links are listed and revoked on the
 * briefing's Export and share page.
 */
export function ShareVersion({ briefingId, version, onClose }: ShareVersionProps) {
  const create = useAction(createShareLink);
  const [url, setUrl] = useState<string | null>(null);
  if (version.kind === "auto") {
    return (
      <div className="notice history__confirm" role="status" data-testid="share-version-auto">
        <p>
          Only named versions can be shared by link: automatic versions are thinned over time. To share the text as it
          is now, name the current version first.
        </p>
        <button type="button" className="button button--small button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
  return (
    <div className="notice history__confirm" data-testid="share-version">
      {url ? (
        <>
          <p>
            <strong>Copy this link now: it is shown only once.</strong> It shows this version as it is now, whatever
            changes later. Revoke it on the Export and share page.
          </p>
          <div className="share-links__new-url">
            <input
              readOnly
              value={url}
              aria-label="New version link"
              data-testid="new-version-link"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={url} label="Copy link" />
          </div>
        </>
      ) : (
        <form
          className="form form--inline"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            create.run(
              {
                briefingId,
                versionId: version.id,
                expiresInDays: String(form.get("expiresInDays") ?? ""),
                withComments: form.get("withComments") === "on",
              },
              (data) => setUrl(data.url),
            );
          }}
        >
          <ShareExpiryField id="version-share-expiry" />
          <label className="check">
            <input type="checkbox" name="withComments" /> Show comments (as they were then)
          </label>
          <button type="submit" className="button button--small" disabled={create.pending}>
            {create.pending ? "Creating…" : "Create link to this version"}
          </button>
          <FormStatus error={create.error} />
        </form>
      )}
      <button type="button" className="button button--small button--secondary" onClick={onClose}>
        {url ? "Done" : "Cancel"}
      </button>
    </div>
  );
}
