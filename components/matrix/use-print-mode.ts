"use client";

import { useEffect, useState } from "react";
import { flushSync } from "react-dom";

/**
 * True while the page is being printed. A virtualized grid only has the visible cells in the
 * document, so the grid renders everything for printing and goes back afterwards.
 */
export function usePrintMode(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    // Print media also switches without print events (print emulation, some PDF exports).
    const media = window.matchMedia("print");
    const change = () => (media.matches ? before() : after());
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    media.addEventListener("change", change);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
      media.removeEventListener("change", change);
    };
  }, []);
  return printing;
}
