"use client";

import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import type { MatrixCell } from "@/lib/matrix/types";
import type { PopoverMode } from "./citation-popover";
import { type GridPos, posKey, posOf } from "./use-grid-navigation";

type PopoverState = { pos: GridPos; mode: PopoverMode } | null;

type Options = {
  cellAt: (pos: GridPos) => MatrixCell | null;
  focusCell: (pos: GridPos) => boolean;
  wrapRef: RefObject<HTMLElement | null>;
};

const HOVER_DELAY = 250;
const LEAVE_DELAY = 200;

/**
 * When the citation popover shows and for which cell: a preview on keyboard focus and after a
 * short hover; opened by Enter or a click (focus moves into it); Escape closes it and, when it
 * was open, returns focus to its cell.
 */
export function useCellPopover({ cellAt, focusCell, wrapRef }: Options) {
  const [state, setState] = useState<PopoverState>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const dataPos = useCallback(
    (target: EventTarget | null) => {
      const pos = posOf(target);
      return pos && pos.r >= 0 && pos.c >= 1 && cellAt(pos) ? pos : null;
    },
    [cellAt],
  );
  const same = (pos: GridPos | null) => pos !== null && state !== null && posKey(pos) === posKey(state.pos);

  const close = useCallback(
    (refocus: boolean) => {
      clearTimeout(timer.current);
      setState((current) => {
        if (refocus && current) queueMicrotask(() => focusCell(current.pos));
        return null;
      });
    },
    [focusCell],
  );

  return {
    state,
    cell: state ? cellAt(state.pos) : null,
    close,
    keepOpen: () => clearTimeout(timer.current),
    onKeyDown(event: KeyboardEvent<HTMLElement>) {
      if (event.key === "Escape" && state) {
        event.preventDefault();
        close(state.mode === "open");
        return;
      }
      const pos = event.key === "Enter" ? dataPos(event.target) : null;
      if (!pos) return;
      event.preventDefault();
      setState({ pos, mode: "open" });
    },
    onFocus(event: FocusEvent<HTMLElement>) {
      const pos = dataPos(event.target);
      if (pos) {
        if (!same(pos)) setState({ pos, mode: "focus" });
      } else if (posOf(event.target) && state?.mode !== "hover") setState(null);
    },
    onBlur(event: FocusEvent<HTMLElement>) {
      const next = event.relatedTarget as Node | null;
      if (!wrapRef.current?.contains(next) && state && state.mode !== "hover") setState(null);
    },
    onClick(event: MouseEvent<HTMLElement>) {
      const pos = dataPos(event.target);
      if (pos) setState({ pos, mode: "open" });
    },
    onMouseOver(event: MouseEvent<HTMLElement>) {
      if (state?.mode === "open") return;
      const pos = dataPos(event.target);
      if (!pos || same(pos)) {
        if (pos || !posOf(event.target)) clearTimeout(timer.current);
        return;
      }
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setState({ pos, mode: "hover" }), HOVER_DELAY);
    },
    onMouseLeave() {
      clearTimeout(timer.current);
      if (state?.mode === "hover") timer.current = setTimeout(() => setState(null), LEAVE_DELAY);
    },
  };
}
