"use client";

import { DragHandle } from "@tiptap/extension-drag-handle-react";
import type { Editor } from "@tiptap/react";

/**
 * The grip shown beside the block under the pointer: drag it to move the block (Tiptap's drag
 * handle, which keeps positions through Yjs while co-authors edit). Pointer-only by nature, so it
 * is hidden from assistive technology; Alt+Shift+Up/Down moves a block from the keyboard.
 */
export function BlockDragHandle({ editor }: { editor: Editor }) {
  return (
    <DragHandle editor={editor} className="drag-handle">
      <div
        className="drag-handle__grip"
        aria-hidden="true"
        title="Drag to move (or Alt+Shift+↑/↓)"
        data-testid="drag-handle"
      >
        ⠿
      </div>
    </DragHandle>
  );
}
