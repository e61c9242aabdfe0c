"use client";

import Link from "next/link";
import { FormStatus } from "@/components/ui/form-status";
import { useAction } from "@/components/ui/use-action";
import { deleteComparison } from "@/lib/comparisons/actions";

export type SavedComparisonItem = {
  id: string;
  name: string;
  state: string;
  ownerName: string;
  teamName: string | null;
  updatedAt: string;
  canDelete: boolean;
};

/** The saved comparisons the user can open (own and their teams'). */
export function SavedComparisons({ items }: { items: SavedComparisonItem[] }) {
  const remove = useAction(deleteComparison);
  return (
    <section aria-labelledby="saved-heading" className="detail__section saved-comparisons">
      <h2 id="saved-heading">Saved comparisons</h2>
      {items.length === 0 ? (
        <p className="muted">None yet. Pick frameworks, arrange the view, then "Save comparison".</p>
      ) : (
        <ul className="plain-list" aria-label="Saved comparisons">
          {items.map((c) => (
            <li key={c.id} data-testid="saved-comparison">
              <Link href={`/compare?${c.state}`}>{c.name}</Link>{" "}
              <span className="muted">
                · {c.teamName ?? "only you"} · {c.ownerName} · {c.updatedAt.slice(0, 10)} · id <code>{c.id}</code>
              </span>{" "}
              {c.canDelete ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={`Delete ${c.name}`}
                  disabled={remove.pending}
                  onClick={() => {
                    if (window.confirm(`Delete the saved comparison "${c.name}"?`)) remove.run({ comparisonId: c.id });
                  }}
                >
                  Delete
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <FormStatus error={remove.error} />
    </section>
  );
}
