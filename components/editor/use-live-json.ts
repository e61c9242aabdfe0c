"use client";

import { useEffect, useState } from "react";

export type LiveJson<T> = {
  data: T | null;
  /** The server's message for a failed request, or a network failure; data keeps the last good value. */
  error: string | null;
  /** HTTP status of the last answer (null before the first one or when offline). */
  status: number | null;
  loading: boolean;
};

/** How often an embed re-reads the catalog while the tab is visible. */
export const LIVE_REFRESH_MS = 20_000;

/**
 * GETs a JSON resource and keeps it fresh: again when the window regains focus or becomes
 * visible, and every `intervalMs` while visible, so embeds follow catalog changes. A failed
 * refresh keeps the last good data (an offline editor still shows its cards); a 403/404 clears it.
 */
export function useLiveJson<T>(url: string | null, intervalMs = LIVE_REFRESH_MS): LiveJson<T> {
  const [state, setState] = useState<LiveJson<T>>({ data: null, error: null, status: null, loading: true });

  useEffect(() => {
    if (!url) {
      setState({ data: null, error: null, status: null, loading: false });
      return;
    }
    let cancelled = false;
    let controller: AbortController | null = null;
    const load = async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(url, { signal: controller.signal, cache: "no-store" });
        const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
        if (cancelled) return;
        if (response.ok) {
          setState({ data: body, error: null, status: response.status, loading: false });
        } else {
          const gone = response.status === 403 || response.status === 404;
          setState((s) => ({
            data: gone ? null : s.data,
            error: body?.error?.message ?? `The server answered ${response.status}.`,
            status: response.status,
            loading: false,
          }));
        }
      } catch (error) {
        if (cancelled || (error instanceof DOMException && error.name === "AbortError")) return;
        setState((s) => ({ ...s, error: "Could not reach the server.", status: null, loading: false }));
      }
    };
    const refreshIfVisible = () => {
      if (document.visibilityState === "visible") void load();
    };
    void load();
    const timer = window.setInterval(refreshIfVisible, intervalMs);
    window.addEventListener("focus", refreshIfVisible);
    window.addEventListener("online", refreshIfVisible);
    document.addEventListener("visibilitychange", refreshIfVisible);
    return () => {
      cancelled = true;
      controller?.abort();
      window.clearInterval(timer);
      window.removeEventListener("focus", refreshIfVisible);
      window.removeEventListener("online", refreshIfVisible);
      document.removeEventListener("visibilitychange", refreshIfVisible);
    };
  }, [url, intervalMs]);

  return state;
}
