"use client";

import { TextSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { type RefObject, useEffect, useImperativeHandle, useRef, useState } from "react";
import { CALLOUT_NODE, type CalloutVariant, TABLE_OF_CONTENTS_NODE } from "@/lib/editor/nodes/structure-blocks";
import { insertFootnote } from "./footnote-view";
import { insertBlock } from "./insert-block";

/** A callout box with an empty paragraph to type in (the caret goes there). */
function insertCallout(editor: Editor, variant: CalloutVariant) {
  const { from } = editor.state.selection;
  editor
    .chain()
    .focus()
    .insertContent({ type: CALLOUT_NODE, attrs: { variant }, content: [{ type: "paragraph" }] })
    .command(({ tr }) => {
      // The inserted box is the first callout at or just before the insert point (an empty line
      // it replaced started one position earlier): the caret goes into its paragraph.
      let box = -1;
      tr.doc.nodesBetween(Math.max(0, from - 2), Math.min(tr.doc.content.size, from + 4), (node, pos) => {
        if (box < 0 && node.type.name === CALLOUT_NODE) box = pos;
        return box < 0;
      });
      if (box >= 0) tr.setSelection(TextSelection.create(tr.doc, box + 2));
      return true;
    })
    .run();
}

const MOD = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl+";

export type InsertMenuHandle = { open: () => void };

export type InsertMenuProps = {
  editor: Editor;
  onFramework: () => void;
  onComparison: () => void;
  onCitation: () => void;
  /** Lets the keyboard shortcut and the slash command open the menu. */
  menuRef: RefObject<InsertMenuHandle | null>;
};

type Item = { id: string; label: string; hint: string; run: () => void };

/** "Insert" menu button (menu pattern: arrow keys, Home/End, Escape returns focus to the document). */
export function InsertMenu({ editor, onFramework, onComparison, onCitation, menuRef }: InsertMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [filter, setFilter] = useState("");
  const chain = () => editor.chain().focus();
  const all: Item[] = [
    { id: "framework", label: "Framework card…", hint: "Search the catalog", run: onFramework },
    { id: "comparison", label: "Saved comparison…", hint: "A live matrix", run: onComparison },
    { id: "footnote", label: "Footnote", hint: `${MOD}Alt+F`, run: () => insertFootnote(editor) },
    { id: "citation", label: "Citation of a catalog source…", hint: "Numbered with the Sources", run: onCitation },
    {
      id: "toc",
      label: "Table of contents",
      hint: "Updates itself",
      run: () => insertBlock(editor, { type: TABLE_OF_CONTENTS_NODE }),
    },
    {
      id: "bluf",
      label: "Bottom line up front",
      hint: "Boxed summary",
      run: () => insertCallout(editor, "bluf"),
    },
    { id: "callout", label: "Callout note", hint: "Boxed note", run: () => insertCallout(editor, "note") },
    {
      id: "table",
      label: "Table",
      hint: "3 × 3 with a header row",
      run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    { id: "rule", label: "Horizontal rule", hint: "---", run: () => chain().setHorizontalRule().run() },
    ...([1, 2, 3, 4] as const).map((level) => ({
      id: `heading-${level}`,
      label: `Heading ${level}`,
      hint: `${MOD}Alt+${level}`,
      run: () => chain().setHeading({ level }).run(),
    })),
    { id: "paragraph", label: "Paragraph", hint: `${MOD}Alt+0`, run: () => chain().setParagraph().run() },
    { id: "bullets", label: "Bulleted list", hint: `${MOD}Shift+8`, run: () => chain().toggleBulletList().run() },
    { id: "numbers", label: "Numbered list", hint: `${MOD}Shift+7`, run: () => chain().toggleOrderedList().run() },
    { id: "quote", label: "Quote", hint: `${MOD}Shift+B`, run: () => chain().toggleBlockquote().run() },
  ];
  const needle = filter.toLowerCase();
  const items = needle ? all.filter((item) => item.label.toLowerCase().includes(needle)) : all;

  useImperativeHandle(menuRef, () => ({
    open: () => {
      setActive(0);
      setFilter("");
      setOpen(true);
    },
  }));

  // biome-ignore lint/correctness/useExhaustiveDependencies: filtering replaces the focused item, so focus follows the filter too.
  useEffect(() => {
    if (!open) return;
    // With nothing matching, the list itself keeps focus so Backspace still reaches it.
    (list.current?.querySelectorAll<HTMLElement>("[role=menuitem]")[active] ?? list.current)?.focus();
  }, [open, active, filter]);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!list.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const choose = (item: Item) => {
    setOpen(false);
    // Back to the text at once: Tiptap's focus() waits a frame, and keys typed right after
    // choosing would land nowhere in that frame.
    editor.view.focus();
    item.run();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const last = items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active >= last ? 0 : active + 1,
      ArrowUp: active <= 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key]!);
    } else if (e.key === "Escape" || e.key === "Tab") {
      e.preventDefault();
      setOpen(false);
      editor.view.focus();
    } else if (e.key === "Backspace" && filter) {
      // Typing narrows the list, like a slash command; Backspace widens it again.
      e.preventDefault();
      setFilter(filter.slice(0, -1));
      setActive(0);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && /\S/.test(e.key) && filter.length < 30) {
      e.preventDefault();
      setFilter(filter + e.key);
      setActive(0);
    }
  };

  return (
    <span className="menu">
      <button
        ref={button}
        type="button"
        className="tool tool--text"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="insert-menu"
        title="Insert (Ctrl+Alt+I, or type / on an empty line)"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          setActive(0);
          setFilter("");
          setOpen((o) => !o);
        }}
      >
        Insert ▾
      </button>
      {open ? (
        <div
          ref={list}
          id="insert-menu"
          role="menu"
          aria-label="Insert"
          className="menu__list"
          tabIndex={-1}
          onKeyDown={onKeyDown}
        >
          {filter ? (
            <p className="menu__filter" aria-live="polite">
              {items.length ? `Matching “${filter}”` : `Nothing matches “${filter}”: Backspace to widen`}
            </p>
          ) : null}
          {items.map((item, i) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              className="menu__item"
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(item)}
            >
              <span>{item.label}</span>
              <span className="menu__hint">{item.hint}</span>
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}
