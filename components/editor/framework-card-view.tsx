"use client";

import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import { useState } from "react";
import { FrameworkCard } from "@/components/catalog/framework-card";
import type { FrameworkDetail } from "@/lib/catalog/types";
import {
  type CitedValue,
  changedSincePinned,
  liveAttrs,
  parseSnapshot,
  pinnedAttrs,
  snapshotOf,
} from "@/lib/editor/framework-snapshot";
import type { FrameworkCardAttrs } from "@/lib/editor/nodes/framework-card";
import { fetchFramework, frameworkUrl } from "./api";
import { useEditable } from "./use-editable";
import { useLiveJson } from "./use-live-json";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const formatDate = (iso: string | null) =>
  iso && Number.isFinite(Date.parse(iso)) ? dateFormat.format(new Date(iso)) : "";

/**
 * A framework card in a briefing. Live cards render the catalog as it is now (re-read on focus and
 * every few seconds); pinned cards render the snapshot stored in the document, and say when the
 * catalog has changed since, with a one-click refresh that re-pins to the current facts.
 */
export function FrameworkCardView({ node, updateAttributes, editor, selected }: ReactNodeViewProps) {
  const attrs = node.attrs as FrameworkCardAttrs;
  const editable = useEditable(editor);
  const live = useLiveJson<FrameworkDetail>(attrs.slug ? frameworkUrl(attrs.slug) : null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const pinned = attrs.mode === "pinned";
  const snapshot = pinned ? parseSnapshot(attrs.snapshot) : null;
  const shown = pinned ? snapshot : live.data;
  const outdated = pinned && live.data !== null && changedSincePinned(attrs, snapshot, live.data.updatedAt);
  // The values the card cites (exports number their sources); members are already a fact above.
  const cited: CitedValue[] = ((pinned ? snapshot?.cited : live.data ? snapshotOf(live.data).cited : []) ?? []).filter(
    (c) => c.key !== "member_count",
  );

  // Pinning always reads the catalog again, so the snapshot is the newest version.
  const pin = async () => {
    setBusy(true);
    setActionError(null);
    try {
      updateAttributes(pinnedAttrs(await fetchFramework(attrs.slug)));
    } catch (error) {
      setActionError(error instanceof Error ? error.message : "Could not read the catalog.");
    } finally {
      setBusy(false);
    }
  };

  const footer = (
    <>
      {cited.length ? (
        <dl className="facts embed__cited" data-testid="card-cited">
          {cited.map((c) => (
            <div key={c.key}>
              <dt>{c.label}</dt>
              <dd>{c.display}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="embed__footer">
        {pinned ? (
          <span className="embed__mode">Pinned as of {formatDate(attrs.pinnedAt)}</span>
        ) : (
          <span className="embed__mode">Live from the catalog</span>
        )}
        {outdated ? (
          <span className="badge badge--updated" data-testid="updated-since-pinned">
            Updated since pinned
          </span>
        ) : null}
        {editable ? (
          <span className="embed__actions">
            {pinned ? (
              <>
                {outdated ? (
                  <button type="button" className="button button--small" disabled={busy} onClick={pin}>
                    Refresh
                  </button>
                ) : null}
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => updateAttributes(liveAttrs(attrs.slug))}
                >
                  Follow catalog
                </button>
              </>
            ) : (
              <button type="button" className="button button--small button--secondary" disabled={busy} onClick={pin}>
                Pin as of today
              </button>
            )}
          </span>
        ) : null}
        {actionError ? (
          <span role="alert" className="field-error">
            {actionError}
          </span>
        ) : null}
      </div>
    </>
  );

  return (
    <NodeViewWrapper
      className={`embed embed--framework${selected ? " embed--selected" : ""}`}
      data-testid="framework-embed"
      data-slug={attrs.slug}
      data-mode={attrs.mode}
    >
      {shown ? (
        <FrameworkCard framework={shown} headingLevel={3} footer={footer} />
      ) : (
        <div className="card embed__placeholder">
          <p>
            Framework <strong>{attrs.slug || "(none)"}</strong>:{" "}
            {live.loading ? "loading…" : (live.error ?? "this snapshot could not be read.")}
          </p>
          {footer}
        </div>
      )}
    </NodeViewWrapper>
  );
}
