"use client";

import { type FocusEvent, type KeyboardEvent, useCallback, useLayoutEffect, useRef, useState } from "react";

/** A grid position: r = -1 is the header row, c = 0 the label column. */
export type GridPos = { r: number; c: number };

export const posKey = (p: GridPos) => `${p.r}:${p.c}`;

/** The grid position an element (or its closest focus target) stands for, if any. */
export function posOf(element: EventTarget | null): GridPos | null {
  if (!(element instanceof Element)) return null;
  const target = element.closest<HTMLElement>("[data-pos]");
  const [r, c] = (target?.dataset.pos ?? "").split(":").map(Number);
  return r === undefined || c === undefined || Number.isNaN(r) || Number.isNaN(c) ? null : { r, c };
}

type Options = {
  rowCount: number;
  colCount: number;
  /** Rows with a single focus target in the label column (group headers). */
  isGroupRow: (r: number) => boolean;
  /** Scrolls a position into view (virtualized rows and columns may not be rendered yet). */
  reveal: (pos: GridPos) => void;
  pageSize: number;
};

/**
 * Keyboard navigation of a grid with a roving tabindex (WAI-ARIA grid pattern): one tab stop,
 * arrow keys, Home/End (with Ctrl: first/last row), PageUp/PageDown. Focus targets carry
 * `data-pos="r:c"`. The position of the column is kept when passing through group rows.
 */
export function useGridNavigation({ rowCount, colCount, isGroupRow, reveal, pageSize }: Options) {
  const [active, setActive] = useState<GridPos>({ r: -1, c: 0 });
  const gridRef = useRef<HTMLTableElement>(null);
  const pendingFocus = useRef<GridPos | null>(null);

  const targetOf = useCallback(
    (p: GridPos): GridPos => (p.r >= 0 && isGroupRow(p.r) ? { r: p.r, c: 0 } : p),
    [isGroupRow],
  );

  const focusNow = useCallback(
    (p: GridPos) => {
      const el = gridRef.current?.querySelector<HTMLElement>(`[data-pos="${posKey(targetOf(p))}"]`);
      if (!el) return false;
      // The grid's own scroll position is set by the virtualizers; the page may still need to
      // bring the cell into the window.
      el.focus({ preventScroll: true });
      const box = el.getBoundingClientRect();
      if (box.bottom > window.innerHeight) window.scrollBy(0, box.bottom - window.innerHeight + 8);
      else if (box.top < 0) window.scrollBy(0, box.top - 8);
      return true;
    },
    [targetOf],
  );

  // A move to a row or column that was not rendered yet focuses once it is.
  useLayoutEffect(() => {
    if (pendingFocus.current && focusNow(pendingFocus.current)) pendingFocus.current = null;
  });

  const moveTo = useCallback(
    (p: GridPos) => {
      const next = { r: Math.max(-1, Math.min(rowCount - 1, p.r)), c: Math.max(0, Math.min(colCount - 1, p.c)) };
      setActive(next);
      reveal(targetOf(next));
      if (!focusNow(next)) pendingFocus.current = next;
    },
    [rowCount, colCount, reveal, targetOf, focusNow],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const at = posOf(event.target);
      if (!at || event.altKey || event.metaKey) return;
      // Group rows show column 0 but remember the column the user came from.
      const from = at.r === active.r ? { r: at.r, c: active.c } : at;
      const moves: Record<string, GridPos> = {
        ArrowUp: { r: from.r - 1, c: from.c },
        ArrowDown: { r: from.r + 1, c: from.c },
        ArrowLeft: { r: from.r, c: targetOf(from).c - 1 },
        ArrowRight: { r: from.r, c: targetOf(from).c + 1 },
        Home: event.ctrlKey ? { r: -1, c: 0 } : { r: from.r, c: 0 },
        End: event.ctrlKey ? { r: rowCount - 1, c: colCount - 1 } : { r: from.r, c: colCount - 1 },
        PageUp: { r: Math.max(from.r - pageSize, 0), c: from.c },
        PageDown: { r: from.r + pageSize, c: from.c },
      };
      const next = moves[event.key];
      if (!next) return;
      event.preventDefault();
      moveTo(next);
    },
    [active, colCount, rowCount, pageSize, moveTo, targetOf],
  );

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const at = posOf(event.target);
      if (at && posKey(targetOf(active)) !== posKey(at)) setActive(at);
    },
    [active, targetOf],
  );

  return { active, setActive, gridRef, onKeyDown, onFocus, focusNow, targetOf };
}
