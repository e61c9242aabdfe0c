"use client";

import { type Dispatch, type SetStateAction, useEffect, useState } from "react";
import type { FrameworkSummary } from "@/lib/catalog/types";
import { searchFrameworks } from "./api";

/**
 * The catalog search of the editor's pickers: searches `q` 200 ms after the last keystroke, a newer
 * query aborting the older one. `error` is shared with the picker's own requests (setError).
 */
export function useFrameworkSearch(q: string): {
  results: FrameworkSummary[] | null;
  error: string | null;
  setError: Dispatch<SetStateAction<string | null>>;
} {
  const [results, setResults] = useState<FrameworkSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchFrameworks(q, controller.signal).then(
        (found) => {
          setResults(found);
          setError(null);
        },
        (e: unknown) => {
          if (!controller.signal.aborted) setError(e instanceof Error ? e.message : "Search failed.");
        },
      );
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  return { results, error, setError };
}
