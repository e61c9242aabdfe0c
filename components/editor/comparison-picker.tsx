"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { Modal } from "@/components/ui/modal";
import type { ComparisonOption } from "@/lib/comparisons/embed";
import { COMPARISON_NODE } from "@/lib/editor/nodes/comparison";
import { listComparisons } from "./api";
import { insertBlock } from "./insert-block";

export type ComparisonPickerProps = { editor: Editor; onClose: () => void };

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

/** Pick one of the user's saved comparisons (their own and their teams') and embed it. */
export function ComparisonPicker({ editor, onClose }: ComparisonPickerProps) {
  const [items, setItems] = useState<ComparisonOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listComparisons(controller.signal).then(setItems, (e: unknown) => {
      if (!controller.signal.aborted) setError(e instanceof Error ? e.message : "Could not load comparisons.");
    });
    return () => controller.abort();
  }, []);

  const insert = (c: ComparisonOption) => {
    insertBlock(editor, { type: COMPARISON_NODE, attrs: { comparisonId: c.id, title: c.name } });
    onClose();
  };

  return (
    <Modal
      title="Embed a saved comparison"
      description="The matrix stays live: it shows the catalog's current values."
      onClose={onClose}
    >
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {items === null && !error ? <p className="muted">Loading your saved comparisons…</p> : null}
      {items?.length === 0 ? (
        <div className="empty-state">
          <p>You have no saved comparisons yet.</p>
          <p>
            <a href="/compare" target="_blank" rel="noreferrer">
              Build one in Compare
            </a>{" "}
            and save it; it will be listed here.
          </p>
        </div>
      ) : null}
      {items?.length ? (
        <ul className="picker__results" aria-label="Saved comparisons">
          {items.map((c) => (
            <li key={c.id}>
              <button type="button" className="picker__result" onClick={() => insert(c)} aria-label={`Embed ${c.name}`}>
                <span className="picker__name">{c.name}</span>
                <span className="muted">
                  {c.ownerName} · {dateFormat.format(new Date(c.updatedAt))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </Modal>
  );
}
