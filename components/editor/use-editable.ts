"use client";

import type { Editor } from "@tiptap/react";
import { useCallback, useSyncExternalStore } from "react";

/**
 * Whether the editor accepts edits, kept current: it changes when the document becomes ready or
 * the server says the connection is read-only (setEditable emits "update", not a transaction).
 */
export function useEditable(editor: Editor): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      editor.on("update", onChange);
      editor.on("transaction", onChange);
      return () => {
        editor.off("update", onChange);
        editor.off("transaction", onChange);
      };
    },
    [editor],
  );
  return useSyncExternalStore(
    subscribe,
    () => editor.isEditable,
    () => false,
  );
}
