"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import type { OutlineEntry } from "@/lib/editor/outline";
import { getOutline } from "./heading-anchors";

/** Outline updates wait for typing to pause, like the word count. */
const SETTLE_MS = 150;
/** How far below the top of the window a heading counts as the one being read (sticky bars). */
const READING_LINE_PX = 140;

export function headingElement(editor: Editor, id: string): HTMLElement | null {
  return editor.view.dom.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
}

function useOutline(editor: Editor): OutlineEntry[] {
  const [entries, setEntries] = useState<OutlineEntry[]>(() => getOutline(editor.state));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setEntries(getOutline(editor.state)), SETTLE_MS);
    };
    editor.on("update", update);
    setEntries(getOutline(editor.state)); // changes between the first render and this subscription
    return () => {
      clearTimeout(timer);
      editor.off("update", update);
    };
  }, [editor]);
  return entries;
}

/**
 * The id of the section being read: the last heading above the reading line, or the section the
 * reader jumped to while its heading is on screen (near the end of a briefing a heading cannot
 * scroll up to the reading line).
 */
function useCurrentSection(editor: Editor, entries: OutlineEntry[]): [string | null, (id: string) => void] {
  const [current, setCurrent] = useState<string | null>(null);
  const jumped = useRef<string | null>(null);
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const target = jumped.current ? headingElement(editor, jumped.current) : null;
      if (target) {
        const { top, bottom } = target.getBoundingClientRect();
        if (bottom > 0 && top < window.innerHeight) return setCurrent(jumped.current);
      }
      jumped.current = null;
      let found: string | null = entries[0]?.id ?? null;
      for (const entry of entries) {
        const element = headingElement(editor, entry.id);
        if (element && element.getBoundingClientRect().top <= READING_LINE_PX) found = entry.id;
      }
      setCurrent(found);
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      window.removeEventListener("scroll", onScroll);
      cancelAnimationFrame(frame);
    };
  }, [editor, entries]);
  const jumpedTo = (id: string) => {
    jumped.current = id;
    setCurrent(id);
  };
  return [current, jumpedTo];
}

/** Scrolls to a heading, puts its anchor in the URL and (for writers) the caret at its end. */
export function jumpTo(editor: Editor, entry: OutlineEntry) {
  const element = headingElement(editor, entry.id);
  if (!element) return;
  element.scrollIntoView({ block: "start" });
  history.replaceState(null, "", `#${encodeURIComponent(entry.id)}`);
  // Writers land at the end of the heading, ready to type; readers only scroll.
  if (editor.isEditable) {
    // The entry may be from an earlier state (the panel redraws after typing pauses): take the
    // heading's position now.
    const pos = getOutline(editor.state).find((e) => e.id === entry.id)?.pos ?? entry.pos;
    const node = editor.state.doc.nodeAt(pos);
    if (node?.type.name === "heading")
      editor
        .chain()
        .focus(undefined, { scrollIntoView: false })
        .setTextSelection(pos + node.nodeSize - 1)
        .run();
  }
}

/** The document outline: every heading, indented by level, the current section marked; click to jump. */
export function Outline({ editor, ready }: { editor: Editor; ready: boolean }) {
  const entries = useOutline(editor);
  const [current, jumpedTo] = useCurrentSection(editor, entries);
  const followedHash = useRef(false);

  // A link to a section (#background) scrolls there once the document has arrived.
  useEffect(() => {
    if (!ready || followedHash.current || entries.length === 0) return;
    followedHash.current = true;
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) headingElement(editor, id)?.scrollIntoView({ block: "start" });
  }, [editor, ready, entries]);

  return (
    <nav className="outline" aria-label="Outline" data-testid="outline">
      <h2 className="outline__title">Outline</h2>
      {entries.length === 0 ? (
        <p className="muted outline__empty">Headings you add appear here.</p>
      ) : (
        <ol className="outline__list">
          {entries.map((entry) => (
            <li key={entry.id} className={`outline__item outline__item--${Math.min(entry.level, 4)}`}>
              <a
                href={`#${encodeURIComponent(entry.id)}`}
                aria-current={entry.id === current ? "location" : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  jumpedTo(entry.id);
                  jumpTo(editor, entry);
                }}
              >
                {entry.text}
              </a>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
