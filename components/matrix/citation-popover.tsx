"use client";

import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { MatrixCell } from "@/lib/matrix/types";
import { shortName } from "./matrix-layout";
import { useCellDetails } from "./use-cell-details";

export type PopoverMode = "hover" | "focus" | "open";

export type CitationPopoverProps = {
  id: string;
  cell: MatrixCell;
  mode: PopoverMode;
  /** The cell the popover belongs to (looked up on every render: virtualized cells come and go). */
  anchor: () => HTMLElement | null;
  /** The positioned element the popover is placed in. */
  container: RefObject<HTMLElement | null>;
  onClose: (refocus: boolean) => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
};

/**
 * The value of one cell with its note and sources. As a tooltip it previews on hover and on
 * keyboard focus; opened (Enter or click) it becomes a small dialog whose links take focus, and
 * Escape returns to the cell.
 */
export function CitationPopover({
  id,
  cell,
  mode,
  anchor,
  container,
  onClose,
  onPointerEnter,
  onPointerLeave,
}: CitationPopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const el = anchor();
    const box = container.current;
    if (!el || !box) {
      if (position) setPosition(null);
      return;
    }
    const a = el.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    const width = ref.current?.offsetWidth ?? 320;
    const next = {
      top: Math.round(a.bottom - b.top + 4),
      left: Math.round(Math.max(0, Math.min(a.left - b.left, b.width - width - 4))),
    };
    if (!position || position.top !== next.top || position.left !== next.left) setPosition(next);
  });

  useEffect(() => {
    if (mode !== "open") return;
    ref.current?.querySelector<HTMLElement>("a, button")?.focus();
  }, [mode]);

  const title = `${shortName(cell.framework)} — ${cell.dimension.label}`;
  const lazy = useCellDetails(cell.details || cell.raw === null ? null : cell.framework.slug, cell.dimension.key);
  const note = lazy.status === "loaded" ? lazy.details.note : cell.note;
  const sources = lazy.status === "loaded" ? lazy.details.sources : cell.sources;
  const dialog = mode === "open";
  const content = (
    <>
      <p className="citation-popover__title">{title}</p>
      <p className={cell.raw === null ? "citation-popover__value muted" : "citation-popover__value"}>
        {cell.raw === null ? "No value recorded." : cell.display}
      </p>
      {note ? <p className="citation-popover__note">{note}</p> : null}
      {lazy.status === "loading" ? <p className="muted">Loading the note and sources…</p> : null}
      {lazy.status === "failed" ? <p className="muted">The note and sources could not be loaded.</p> : null}
      {sources.length ? (
        <>
          <p className="citation-popover__label">{sources.length === 1 ? "Source" : `Sources (${sources.length})`}</p>
          <ul className="sources citation-popover__sources">
            {sources.map((s) => (
              <li key={`${s.url}-${s.title}`}>
                <a href={s.url} target="_blank" rel="noopener noreferrer" tabIndex={dialog ? 0 : -1}>
                  {s.title}
                </a>
                {s.publisher ? <span className="muted"> · {s.publisher}</span> : null}
                {s.accessed ? <span className="muted"> · accessed {s.accessed}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : cell.raw !== null && (lazy.status === "none" || lazy.status === "loaded") ? (
        <p className="muted">No source recorded.</p>
      ) : null}
      {dialog ? (
        <button type="button" className="button button--quiet citation-popover__close" onClick={() => onClose(true)}>
          Close
        </button>
      ) : mode === "focus" ? (
        <p className="citation-popover__hint muted">Press Enter to open, Escape to dismiss.</p>
      ) : null}
    </>
  );
  const common = {
    ref,
    id,
    className: `citation-popover citation-popover--${mode}`,
    style: position ? { top: position.top, left: position.left } : { visibility: "hidden" as const },
    "data-testid": "citation-popover",
    onMouseEnter: onPointerEnter,
    onMouseLeave: onPointerLeave,
  };
  if (!dialog)
    return (
      <div role="tooltip" {...common}>
        {content}
      </div>
    );
  return (
    <div
      role="dialog"
      aria-label={`Value and sources: ${title}`}
      {...common}
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.stopPropagation();
        onClose(true);
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onClose(false);
      }}
    >
      {content}
    </div>
  );
}
