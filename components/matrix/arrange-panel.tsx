"use client";

import { type KeyboardEvent, useState } from "react";

export type ArrangeItem = { id: string; label: string; shown: boolean; group?: string };

export type ArrangePanelProps = {
  title: string;
  /** The listed items, asked for only while the panel is open (thousands of frameworks cost a render). */
  items: () => ArrangeItem[];
  /** How many of them are hidden (shown on the closed panel). */
  hidden: number;
  /** Moving is offered when true (e.g. not for "all frameworks", which are ordered by name). */
  movable: boolean;
  hint?: string;
  onToggle: (id: string) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onShowAll: () => void;
};

// Panels sharing a <details name> are exclusive: the browser closes the open one when another opens.
const GROUP = "matrix-arrange";

/** Escape closes the panel from anywhere inside it and puts focus back on its toggle. */
function closeOnEscape(e: KeyboardEvent<HTMLDetailsElement>) {
  if (e.key !== "Escape" || !e.currentTarget.open) return;
  e.preventDefault();
  e.stopPropagation();
  e.currentTarget.open = false;
  e.currentTarget.querySelector("summary")?.focus();
}

/**
 * A disclosure listing rows or columns with a checkbox to show or hide each and buttons to move
 * it (within its group). The list is only rendered while open: it can hold thousands of items.
 */
export function ArrangePanel({
  title,
  items: listItems,
  hidden,
  movable,
  hint,
  onToggle,
  onMove,
  onShowAll,
}: ArrangePanelProps) {
  const [open, setOpen] = useState(false);
  const items = open ? listItems() : [];
  return (
    <details className="arrange" name={GROUP} onToggle={(e) => setOpen(e.currentTarget.open)} onKeyDown={closeOnEscape}>
      <summary className="button button--quiet">
        {title}
        {hidden ? <span className="count"> ({hidden} hidden)</span> : null}
      </summary>
      {open ? (
        <div className="arrange__panel">
          {hint ? <p className="muted arrange__hint">{hint}</p> : null}
          <ul className="arrange__list" aria-label={title}>
            {items.map((item, i) => {
              const prev = items[i - 1];
              const next = items[i + 1];
              const groupStart = item.group !== undefined && prev?.group !== item.group;
              return (
                <li key={item.id} className={groupStart ? "arrange__item arrange__item--group-start" : "arrange__item"}>
                  {groupStart ? <span className="arrange__group">{item.group}</span> : null}
                  <label>
                    <input type="checkbox" checked={item.shown} onChange={() => onToggle(item.id)} /> {item.label}
                  </label>
                  {movable ? (
                    <span className="arrange__moves">
                      <button
                        type="button"
                        aria-label={`Move ${item.label} up`}
                        disabled={!prev || prev.group !== item.group}
                        onClick={() => onMove(item.id, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        aria-label={`Move ${item.label} down`}
                        disabled={!next || next.group !== item.group}
                        onClick={() => onMove(item.id, 1)}
                      >
                        ↓
                      </button>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {hidden ? (
            <button type="button" className="button button--quiet" onClick={onShowAll}>
              Show all
            </button>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
