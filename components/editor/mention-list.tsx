"use client";

import { forwardRef, useImperativeHandle, useState } from "react";
import type { MentionCandidate } from "@/lib/mentions/queries";

/** One entry of the @ popup (with whether the caller may share the briefing, for non-readers). */
export type MentionItem = MentionCandidate & { canShare: boolean };

export type MentionListProps = {
  items: MentionItem[];
  loading: boolean;
  query: string;
  error: string | null;
  command: (item: MentionItem) => void;
};

export type MentionListHandle = { onKeyDown: (event: KeyboardEvent) => boolean };

/**
 * The @ popup: people to mention, Up/Down to move, Enter (or Tab) to pick; Escape is handled by
 * the suggestion plugin. The editor keeps focus, so the list is announced as an active descendant.
 */
export const MentionList = forwardRef<MentionListHandle, MentionListProps>(function MentionList(
  { items, loading, query, error, command },
  ref,
) {
  const [active, setActive] = useState(0);
  // A new result list starts at its first entry (state adjusted while rendering, not in an effect).
  const [shown, setShown] = useState(items);
  if (shown !== items) {
    setShown(items);
    setActive(0);
  }

  useImperativeHandle(ref, () => ({
    onKeyDown: (event) => {
      if (!items.length) return false;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const step = event.key === "ArrowDown" ? 1 : items.length - 1;
        setActive((i) => (i + step) % items.length);
        return true;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        const item = items[active];
        if (item) command(item);
        return true;
      }
      return false;
    },
  }));

  return (
    <div className="mention-popup" data-testid="mention-popup">
      {error ? (
        <p className="mention-popup__state" role="alert">
          {error}
        </p>
      ) : null}
      {!error && loading && !items.length ? <p className="mention-popup__state">Searching…</p> : null}
      {!error && !loading && !items.length ? (
        <p className="mention-popup__state">
          {query
            ? `No one with access or in your teams matches “${query}”.`
            : "No one else can read this briefing yet."}
        </p>
      ) : null}
      {items.length ? (
        <div role="listbox" aria-label="People to mention" className="mention-popup__list">
          {items.map((item, index) => (
            // Options are picked with the keyboard through the editor (which keeps focus) or the mouse.
            <div
              key={item.id}
              tabIndex={-1}
              id={`mention-option-${item.id}`}
              role="option"
              aria-selected={index === active}
              className="mention-popup__option"
              onMouseDown={(event) => {
                event.preventDefault(); // keep the editor's selection
                command(item);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="mention-popup__name">{item.name}</span>
              <span className="mention-popup__email">{item.email}</span>
              {item.canRead ? null : <span className="mention-popup__warn">no access yet</span>}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
});
