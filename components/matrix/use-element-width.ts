"use client";

import { type RefObject, useEffect, useState } from "react";

type Size = { width: number; height: number };

/**
 * The inner size of an element, kept up to date by a ResizeObserver (never read during render,
 * which would force a layout); `initial` until the browser has measured it.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>, initial: Size): Size {
  const [size, setSize] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () =>
      setSize((s) =>
        s.width === el.clientWidth && s.height === el.clientHeight
          ? s
          : { width: el.clientWidth, height: el.clientHeight },
      );
    const observer = new ResizeObserver(update);
    observer.observe(el);
    update();
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The inner width of an element (see useElementSize). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, initial: number): number {
  return useElementSize(ref, { width: initial, height: 0 }).width;
}
