"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import { Modal } from "@/components/ui/modal";
import { STATUSES } from "@/lib/catalog/constants";
import type { FrameworkSummary } from "@/lib/catalog/types";
import { liveAttrs, pinnedAttrs } from "@/lib/editor/framework-snapshot";
import { FRAMEWORK_CARD_NODE } from "@/lib/editor/nodes/framework-card";
import { fetchFramework } from "./api";
import { insertBlock } from "./insert-block";
import { useFrameworkSearch } from "./use-framework-search";

export type FrameworkPickerProps = { editor: Editor; onClose: () => void };

/** Search the catalog and insert a framework card, live or pinned as of today. */
export function FrameworkPicker({ editor, onClose }: FrameworkPickerProps) {
  const [q, setQ] = useState("");
  const [mode, setMode] = useState<"live" | "pinned">("live");
  const { results, error, setError } = useFrameworkSearch(q);
  const [busy, setBusy] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  // After the dialog opened (its effect runs first): start in the search field, not on "Close".
  useEffect(() => search.current?.focus(), []);

  const insert = async (f: FrameworkSummary) => {
    setBusy(f.slug);
    try {
      const attrs = mode === "pinned" ? pinnedAttrs(await fetchFramework(f.slug)) : liveAttrs(f.slug);
      insertBlock(editor, { type: FRAMEWORK_CARD_NODE, attrs });
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not read the catalog.");
      setBusy(null);
    }
  };

  return (
    <Modal title="Insert a framework card" onClose={onClose}>
      <div className="picker">
        <div className="field">
          <label htmlFor="framework-search">Search the catalog</label>
          <input
            id="framework-search"
            ref={search}
            type="search"
            value={q}
            placeholder="Name or acronym, e.g. NATO"
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <fieldset className="picker__mode">
          <legend>The card</legend>
          <label>
            <input type="radio" name="card-mode" checked={mode === "live"} onChange={() => setMode("live")} /> follows
            the catalog (live)
          </label>
          <label>
            <input type="radio" name="card-mode" checked={mode === "pinned"} onChange={() => setMode("pinned")} /> is
            pinned as of today (its text no longer changes)
          </label>
        </fieldset>
        {error ? (
          <p role="alert" className="form-error">
            {error}
          </p>
        ) : null}
        <p className="muted picker__count" aria-live="polite">
          {results === null ? "Searching…" : `${results.length} framework${results.length === 1 ? "" : "s"}`}
        </p>
        <ul className="picker__results" aria-label="Frameworks">
          {(results ?? []).slice(0, 50).map((f) => (
            <li key={f.slug}>
              <button
                type="button"
                className="picker__result"
                disabled={busy !== null}
                onClick={() => insert(f)}
                aria-label={`Insert ${f.name}`}
              >
                <span className="picker__name">
                  {f.name}
                  {f.acronym && f.acronym !== f.name ? <span className="muted"> ({f.acronym})</span> : null}
                </span>
                <span className={`badge badge--${f.status}`}>{STATUSES[f.status]}</span>
                {busy === f.slug ? <span className="muted">Inserting…</span> : null}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </Modal>
  );
}
