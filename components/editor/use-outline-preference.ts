"use client";

import { useCallback, useEffect, useState } from "react";

const KEY = "briefing-editor:outline";

/** Whether the outline is shown: remembered on this device; shown by default on wide screens. */
export function useOutlinePreference(): [boolean, () => void] {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const stored = window.localStorage.getItem(KEY);
    setOpen(stored ? stored === "open" : window.matchMedia("(min-width: 1200px)").matches);
  }, []);
  const toggle = useCallback(() => {
    setOpen((was) => {
      window.localStorage.setItem(KEY, was ? "closed" : "open");
      return !was;
    });
  }, []);
  return [open, toggle];
}
