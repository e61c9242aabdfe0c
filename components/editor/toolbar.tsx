"use client";

import { type Editor, useEditorState } from "@tiptap/react";
import type { ReactNode } from "react";
import { InsertMenu, type InsertMenuProps } from "./insert-menu";
import { TableControls } from "./table-controls";

const MOD = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl+";

const BLOCK_STYLES = [
  { value: "p", label: "Paragraph", shortcut: `${MOD}Alt+0` },
  { value: "1", label: "Title (H1)", shortcut: `${MOD}Alt+1` },
  { value: "2", label: "Heading (H2)", shortcut: `${MOD}Alt+2` },
  { value: "3", label: "Subheading (H3)", shortcut: `${MOD}Alt+3` },
  { value: "4", label: "Minor heading (H4)", shortcut: `${MOD}Alt+4` },
] as const;

export type ToolbarProps = {
  editor: Editor;
  onLink: () => void;
} & Pick<InsertMenuProps, "onFramework" | "onComparison" | "onCitation" | "menuRef">;

type ButtonProps = {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  /** A word rather than a symbol (smaller type). */
  text?: boolean;
  onClick: () => void;
  children: ReactNode;
};

function ToolButton({ label, shortcut, pressed, disabled, text, onClick, children }: ButtonProps) {
  return (
    <button
      type="button"
      className={text ? "tool tool--text" : "tool"}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      disabled={disabled}
      // Keep the editor's selection: the click must not move focus out of the document first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The formatting toolbar: block style, marks, lists, quote, link, inserts, undo/redo (Yjs). */
export function Toolbar({ editor, onLink, onFramework, onComparison, onCitation, menuRef }: ToolbarProps) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: ([1, 2, 3, 4] as const).find((level) => e.isActive("heading", { level }))?.toString() ?? "p",
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
      strike: e.isActive("strike"),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      table: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div role="toolbar" aria-label="Formatting" className="toolbar">
      <label className="visually-hidden" htmlFor="block-style">
        Text style
      </label>
      <select
        id="block-style"
        className="toolbar__select"
        value={s.block}
        title={`Text style (${BLOCK_STYLES.map((b) => `${b.label}: ${b.shortcut}`).join(", ")})`}
        onChange={(e) => {
          const v = e.target.value;
          if (v === "p") chain().setParagraph().run();
          else
            chain()
              .setHeading({ level: Number(v) as 1 | 2 | 3 | 4 })
              .run();
        }}
      >
        {BLOCK_STYLES.map((b) => (
          <option key={b.value} value={b.value}>
            {b.label}
          </option>
        ))}
      </select>
      <span className="toolbar__group">
        <ToolButton label="Bold" shortcut={`${MOD}B`} pressed={s.bold} onClick={() => chain().toggleBold().run()}>
          <b>B</b>
        </ToolButton>
        <ToolButton label="Italic" shortcut={`${MOD}I`} pressed={s.italic} onClick={() => chain().toggleItalic().run()}>
          <i>I</i>
        </ToolButton>
        <ToolButton
          label="Underline"
          shortcut={`${MOD}U`}
          pressed={s.underline}
          onClick={() => chain().toggleUnderline().run()}
        >
          <u>U</u>
        </ToolButton>
        <ToolButton
          label="Strikethrough"
          shortcut={`${MOD}Shift+S`}
          pressed={s.strike}
          onClick={() => chain().toggleStrike().run()}
        >
          <s>S</s>
        </ToolButton>
      </span>
      <span className="toolbar__group">
        <ToolButton
          label="Bulleted list"
          shortcut={`${MOD}Shift+8`}
          pressed={s.bullet}
          onClick={() => chain().toggleBulletList().run()}
        >
          •≡
        </ToolButton>
        <ToolButton
          label="Numbered list"
          shortcut={`${MOD}Shift+7`}
          pressed={s.ordered}
          onClick={() => chain().toggleOrderedList().run()}
        >
          1≡
        </ToolButton>
        <ToolButton
          label="Quote"
          shortcut={`${MOD}Shift+B`}
          pressed={s.quote}
          onClick={() => chain().toggleBlockquote().run()}
        >
          ❝
        </ToolButton>
        <ToolButton label="Link" shortcut={`${MOD}K`} pressed={s.link} onClick={onLink} text>
          Link
        </ToolButton>
      </span>
      <InsertMenu
        editor={editor}
        onFramework={onFramework}
        onComparison={onComparison}
        onCitation={onCitation}
        menuRef={menuRef}
      />
      <span className="toolbar__group">
        <ToolButton label="Undo" shortcut={`${MOD}Z`} disabled={!s.canUndo} onClick={() => chain().undo().run()}>
          ↶
        </ToolButton>
        <ToolButton label="Redo" shortcut={`${MOD}Shift+Z`} disabled={!s.canRedo} onClick={() => chain().redo().run()}>
          ↷
        </ToolButton>
      </span>
      {s.table ? <TableControls editor={editor} /> : null}
    </div>
  );
}
