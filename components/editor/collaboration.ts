"use client";

import { Collaboration } from "@tiptap/extension-collaboration";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/**
 * y-tiptap's sync plugin keeps `addToHistory: false` in its state after a collaborator's change
 * (it marks remote transactions so), and on the next transaction that does not change the document
 * (a caret moving, a collaborator's cursor arriving) it takes that flag for a local change kept
 * out of history and calls the undo manager's stopCapturing(). While someone else types, that
 * happens after every one of their keys, so our own phrase was cut into undo steps of a character
 * or two. Such a transaction carries no change at all: put the flag back before the view sees it.
 */
const keepUndoGroups = new Plugin({
  key: new PluginKey("keepUndoGroups"),
  appendTransaction(transactions, _old, state) {
    const sync = ySyncPluginKey.getState(state) as { addToHistory?: boolean; isChangeOrigin?: boolean } | undefined;
    if (sync?.addToHistory !== false || sync.isChangeOrigin) return null;
    if (transactions.some((tr) => tr.docChanged)) return null;
    return state.tr.setMeta(ySyncPluginKey, { addToHistory: true });
  },
});

/**
 * Collaboration with undo that behaves in a shared document: a user's phrase is one undo step
 * whatever others type, and the undo keys are always ours. Collaboration's own keymap returns
 * false when its stack is empty, and the key then falls through to the browser's native
 * contenteditable undo/redo, which edits the DOM behind ProseMirror's back (Ctrl+Shift+Z with
 * nothing to redo undid text).
 */
export const BriefingCollaboration = Collaboration.extend({
  addKeyboardShortcuts() {
    const undo = () => {
      this.editor.commands.undo();
      return true;
    };
    const redo = () => {
      this.editor.commands.redo();
      return true;
    };
    return { "Mod-z": undo, "Shift-Mod-z": redo, "Shift-Mod-Z": redo, "Mod-y": redo };
  },

  addProseMirrorPlugins() {
    return [...(this.parent?.() ?? []), keepUndoGroups];
  },
});
