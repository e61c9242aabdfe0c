"use client";

import { useCallback, useEffect, useState } from "react";

/** How often the bell asks for the unread count while the window is open. */
const POLL_MS = 30_000;

/**
 * The signed-in user's unread count: polled every 30 s while the page is visible and again when
 * the window regains focus (one COUNT query each, no socket to keep open). `set` lets the inbox
 * report the count it just learned.
 */
export function useUnreadCount(initial: number) {
  const [count, setCount] = useState(initial);
  const refresh = useCallback(async () => {
    if (document.visibilityState === "hidden") return;
    try {
      const response = await fetch("/api/notifications/unread", { cache: "no-store" });
      if (response.ok) setCount(((await response.json()) as { unreadCount: number }).unreadCount);
    } catch {
      // Offline for a moment: keep the last count; the next poll tries again.
    }
  }, []);
  useEffect(() => {
    const timer = window.setInterval(refresh, POLL_MS);
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [refresh]);
  return { count, setCount, refresh };
}
