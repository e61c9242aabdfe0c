"use client";

import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { MAX_FRAMEWORKS } from "@/lib/matrix/view-state";

type Picked = { slug: string; name: string };
type Selection = { selected: Picked[]; toggle: (picked: Picked, on: boolean) => void; clear: () => void };
const SelectionContext = createContext<Selection | null>(null);

export type CompareSelectionProps = { children: ReactNode };

/**
 * "Compare selected" on the framework list. Without JavaScript it is a plain GET form to
 * /compare (each checkbox sends fw=slug); with JavaScript the selection survives filtering, a
 * sticky bar counts it, and the comparison opens without a full reload.
 */
export function CompareSelection({ children }: CompareSelectionProps) {
  const router = useRouter();
  const [selected, setSelected] = useState<Picked[]>([]);
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const value: Selection = {
    selected,
    toggle: (slug, on) =>
      setSelected((s) => (on ? [...s.filter((x) => x !== slug), slug] : s.filter((x) => x !== slug))),
    clear: () => setSelected([]),
  };
  const over = selected.length > MAX_FRAMEWORKS;
  return (
    <SelectionContext.Provider value={value}>
      <form
        action="/compare"
        method="get"
        onSubmit={(e) => {
          e.preventDefault();
          if (selected.length && !over) router.push(`/compare?fw=${selected.map((p) => p.slug).join(",")}&diff=1`);
        }}
      >
        {children}
        <div className="compare-bar" data-empty={enhanced && !selected.length} data-testid="compare-bar">
          <p className="compare-bar__text" role="status" aria-live="polite">
            {!enhanced
              ? "Tick frameworks, then compare them side by side."
              : over
                ? `${selected.length} selected: a comparison holds at most ${MAX_FRAMEWORKS}.`
                : selected.map((p) => p.name).join(", ")}
          </p>
          {enhanced && selected.length ? (
            <button type="button" className="button button--quiet" onClick={value.clear}>
              Clear
            </button>
          ) : null}
          <button type="submit" className="button" disabled={enhanced && (over || !selected.length)}>
            {enhanced ? `Compare selected (${selected.length})` : "Compare selected"}
          </button>
        </div>
      </form>
    </SelectionContext.Provider>
  );
}

export type CompareCheckboxProps = { slug: string; name: string };

/** The selection checkbox in a framework card's footer. */
export function CompareCheckbox({ slug, name }: CompareCheckboxProps) {
  const selection = useContext(SelectionContext);
  const checked = selection?.selected.some((p) => p.slug === slug);
  return (
    <label className="compare-check">
      <input
        type="checkbox"
        name="fw"
        value={slug}
        checked={selection ? checked : undefined}
        onChange={(e) => selection?.toggle({ slug, name }, e.target.checked)}
        aria-label={`Compare ${name}`}
      />
      <span aria-hidden="true">Compare</span>
    </label>
  );
}
