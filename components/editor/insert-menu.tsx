"use client";

import type { Editor } from "@tiptap/react";
import { type RefObject, useEffect, useImperativeHandle, useRef, useState } from "react";

export type InsertMenuHandle = { open: () => void };

export type InsertMenuProps = {
  editor: Editor;
  onFramework: () => void;
  onComparison: () => void;
  /** Lets the keyboard shortcut and the slash command open the menu. */
  menuRef: RefObject<InsertMenuHandle | null>;
};

type Item = { id: string; label: string; hint: string; run: () => void };

/** "Insert" menu button (menu pattern: arrow keys, Home/End, Escape returns focus to the document). */
export function InsertMenu({ editor, onFramework, onComparison, menuRef }: InsertMenuProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const items: Item[] = [
    { id: "framework", label: "Framework card…", hint: "Search the catalog", run: onFramework },
    { id: "comparison", label: "Saved comparison…", hint: "A live matrix", run: onComparison },
    {
      id: "table",
      label: "Table",
      hint: "3 × 3 with a header row",
      run: () => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    { id: "rule", label: "Horizontal rule", hint: "---", run: () => editor.chain().focus().setHorizontalRule().run() },
  ];

  useImperativeHandle(menuRef, () => ({
    open: () => {
      setActive(0);
      setOpen(true);
    },
  }));

  useEffect(() => {
    if (open) list.current?.querySelectorAll<HTMLElement>("[role=menuitem]")[active]?.focus();
  }, [open, active]);

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
    item.run();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const last = items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key]!);
    } else if (e.key === "Escape" || e.key === "Tab") {
      e.preventDefault();
      setOpen(false);
      editor.commands.focus();
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
          setOpen((o) => !o);
        }}
      >
        Insert ▾
      </button>
      {open ? (
        <div ref={list} id="insert-menu" role="menu" aria-label="Insert" className="menu__list" onKeyDown={onKeyDown}>
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
