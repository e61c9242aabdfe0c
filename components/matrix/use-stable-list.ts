"use client";

import { useRef } from "react";

/**
 * The previous list while the new one holds the same items: a recomputed but equal list (column
 * widths after the first measurement, say) then does not re-render every memoized row using it.
 */
export function useStableList<T>(next: T[]): T[] {
  const kept = useRef(next);
  const prev = kept.current;
  if (prev !== next && (prev.length !== next.length || prev.some((item, i) => item !== next[i]))) kept.current = next;
  return kept.current;
}
