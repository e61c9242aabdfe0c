"use client";

import { useState } from "react";
import type { VersionSummary } from "@/lib/versions/service";

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** How a version is called in the panel: its name, else "Automatic version". */
export function versionTitle(version: VersionSummary): string {
  return version.name ? `“${version.name}”` : `the version of ${TIME.format(new Date(version.createdAt))}`;
}

function people(version: VersionSummary): string {
  if (version.authors.length) return `Changes by ${version.authors.map((a) => a.name).join(", ")}`;
  return version.createdBy ? `By ${version.createdBy.name}` : "Authors not recorded";
}

export type VersionListProps = {
  versions: VersionSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/**
 * The versions, newest first; named and restore versions stand out and "Named only" hides the
 * automatic ones. A list of buttons (Tab moves through it, Enter or Space selects), with
 * aria-current on the selected one.
 */
export function VersionList({ versions, selectedId, onSelect }: VersionListProps) {
  const [namedOnly, setNamedOnly] = useState(false);
  const shown = namedOnly ? versions.filter((v) => v.kind !== "auto") : versions;
  return (
    <div className="history-list">
      <label className="history-list__filter">
        <input type="checkbox" checked={namedOnly} onChange={(e) => setNamedOnly(e.target.checked)} /> Named only
      </label>
      {shown.length === 0 ? <p className="muted">No named versions yet.</p> : null}
      <ul aria-label="Versions">
        {shown.map((version) => (
          <li key={version.id}>
            <button
              type="button"
              className={`history-list__item history-list__item--${version.kind}`}
              aria-current={version.id === selectedId ? "true" : undefined}
              onClick={() => onSelect(version.id)}
              data-testid="version-item"
            >
              <span className="history-list__name">
                {version.name ?? "Automatic version"}
                {version.kind === "named" ? <span className="history-list__badge">Named</span> : null}
              </span>
              <time dateTime={version.createdAt} className="history-list__time">
                {TIME.format(new Date(version.createdAt))}
              </time>
              <span className="history-list__people">{people(version)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
