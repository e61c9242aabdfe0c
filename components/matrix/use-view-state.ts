"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import type { ViewState } from "@/lib/matrix/types";
import { serializeViewState } from "@/lib/matrix/view-state";

const URL_DELAY = 150;

export type ViewPatch = Partial<ViewState> | ((state: ViewState) => Partial<ViewState>);

/**
 * The comparison's view state, mirrored in the URL. View-only changes (sorting, filters, toggles)
 * replace the URL through the History API, which Next.js keeps in sync with its router without a
 * server round trip: re-fetching the matrix for a sort would cost more than the sort. Changes
 * of the selection need other data, so they go through router.replace and the server.
 */
export function useViewState(serverState: ViewState) {
  const router = useRouter();
  const pathname = usePathname();
  const [state, setState] = useState(serverState);
  const [fromServer, setFromServer] = useState(serverState);
  // While a selection change is on its way to the server, the router owns the URL: writing it
  // through the History API then would make the router take the new URL for the current page.
  const [navigating, setNavigating] = useState(false);
  if (fromServer !== serverState) {
    // A new server render (new selection, reload): it parsed the URL this hook wrote.
    setFromServer(serverState);
    setState(serverState);
    setNavigating(false);
  }
  const [pending, startTransition] = useTransition();
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
    if (navigating) return;
    // Written a moment later: a History API call (and the router update it causes) inside the
    // frame of a click or keystroke would delay that frame; typing also writes once, not per key.
    const timer = setTimeout(() => {
      const query = serializeViewState(state);
      const url = query ? `${pathname}?${query}` : pathname;
      if (`${window.location.pathname}${window.location.search}` !== url) window.history.replaceState(null, "", url);
    }, URL_DELAY);
    return () => clearTimeout(timer);
  }, [state, pathname, navigating]);

  const update = useCallback((patch: ViewPatch) => {
    setState((s) => ({ ...s, ...(typeof patch === "function" ? patch(s) : patch) }));
  }, []);

  const navigate = useCallback(
    (patch: Partial<ViewState>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setNavigating(true);
      setState(next);
      const query = serializeViewState(next);
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [router, pathname],
  );

  return { state, update, navigate, pending };
}
