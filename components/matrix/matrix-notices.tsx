"use client";

import { useState } from "react";
import type { Notice } from "@/lib/matrix/types";

export type MatrixNoticesProps = { notices: Notice[] };

/** What the page could not use from the URL (unknown names, malformed settings, a cut selection). */
export function MatrixNotices({ notices }: MatrixNoticesProps) {
  const [dismissed, setDismissed] = useState<Notice[] | null>(null);
  const shown = dismissed === notices ? [] : notices;
  return (
    <div role="status" aria-live="polite" className="matrix-notices" data-testid="matrix-notices">
      {shown.length ? (
        <div className="notice matrix-notices__box">
          <ul>
            {shown.map((n) => (
              <li key={n.message} data-kind={n.kind}>
                {n.message}
              </li>
            ))}
          </ul>
          <button type="button" className="button button--quiet" onClick={() => setDismissed(notices)}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
