"use client";

import { type KeyboardEvent, type MouseEvent, type ReactNode, useEffect, useRef, useState } from "react";

export type SiteMenuProps = {
  /** The main navigation and the account links: in the header row on wide windows, behind the button on narrow ones. */
  children: ReactNode;
};

/**
 * The header's links, folded behind a "Menu" button on narrow windows (CSS decides when: the
 * button is hidden on wide ones). Escape or a click outside closes it; following a link closes it too,
 * since client-side navigation keeps this component mounted.
 */
export function SiteMenu({ children }: SiteMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  const onClick = (e: MouseEvent) => {
    if ((e.target as Element).closest("a")) setOpen(false);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Escape and link clicks bubbling from the menu's own controls
    <div ref={root} className="site-menu" data-open={open} onKeyDown={onKeyDown} onClick={onClick}>
      <button
        ref={button}
        type="button"
        className="site-menu__toggle"
        aria-expanded={open}
        aria-controls="site-menu-panel"
        onClick={() => setOpen((now) => !now)}
      >
        <span aria-hidden="true" className="site-menu__icon">
          ☰
        </span>{" "}
        Menu
      </button>
      <div id="site-menu-panel" className="site-menu__panel">
        {children}
      </div>
    </div>
  );
}
