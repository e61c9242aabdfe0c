"use client";

import type { Editor } from "@tiptap/react";

/** Row and column commands, shown while the selection is inside a table. */
export function TableControls({ editor }: { editor: Editor }) {
  const commands = [
    { label: "Add row below", run: () => editor.chain().focus().addRowAfter().run() },
    { label: "Add column right", run: () => editor.chain().focus().addColumnAfter().run() },
    { label: "Delete row", run: () => editor.chain().focus().deleteRow().run() },
    { label: "Delete column", run: () => editor.chain().focus().deleteColumn().run() },
    { label: "Delete table", run: () => editor.chain().focus().deleteTable().run() },
  ];
  return (
    <fieldset className="toolbar__group toolbar__fieldset">
      <legend className="visually-hidden">Table</legend>
      {commands.map((c) => (
        <button
          key={c.label}
          type="button"
          className="tool tool--text"
          onMouseDown={(e) => e.preventDefault()}
          onClick={c.run}
        >
          {c.label}
        </button>
      ))}
    </fieldset>
  );
}
