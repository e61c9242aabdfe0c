"use client";

import {
  isSuggestChangesEnabled,
  suggestChanges,
  suggestChangesKey,
} from "@handlewithcare/prosemirror-suggest-changes";
import { Extension } from "@tiptap/core";
import type { Transaction } from "@tiptap/pm/state";
import type { SuggestionAuthor } from "@/lib/editor/suggestions/marks";
import { suggestTransaction } from "@/lib/editor/suggestions/transform";

/** Editing applies changes; Suggesting records them as suggestions; Viewing changes nothing. */
export type EditorMode = "editing" | "suggesting" | "viewing";

export type SuggestModeOptions = {
  author: SuggestionAuthor;
  /** A change that cannot be suggested was dropped (React shows why). */
  onRefused: { current: (reason: string) => void };
};

/** Transactions that must pass through as they are: remote changes, undo/redo, review actions. */
function passesThrough(tr: Transaction): boolean {
  if (!tr.docChanged) return true;
  const ySync = tr.getMeta("y-sync$") as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  if (ySync?.isChangeOrigin || ySync?.isUndoRedoOperation) return true;
  if (tr.getMeta("history$")) return true;
  const meta = tr.getMeta(suggestChangesKey) as Record<string, unknown> | undefined;
  return Boolean(meta && "skip" in meta);
}

/** Switches suggesting on or off for this editor only (it is a local state, not in the document). */
export function setSuggesting(
  editor: { view: { dispatch: (tr: Transaction) => void }; state: { tr: Transaction } },
  on: boolean,
) {
  editor.view.dispatch(editor.state.tr.setMeta(suggestChangesKey, { skip: true, enabled: on }));
}

/**
 * Suggesting mode for the browser editor: the package's plugin (pilcrows on suggested paragraph
 * breaks, skipping the zero-width anchors with the arrow keys) and a dispatch hook that turns each
 * local change into a suggestion by `author` (lib/editor/suggestions/transform.ts). A change that
 * cannot be suggested is dropped whole and reported, never applied as a plain edit.
 */
export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: "suggestMode",
  addOptions() {
    return { author: { id: "", name: "" }, onRefused: { current: () => {} } };
  },
  addProseMirrorPlugins() {
    return [suggestChanges()];
  },
  dispatchTransaction({ transaction, next }) {
    const { state } = this.editor;
    if (!isSuggestChangesEnabled(state) || passesThrough(transaction)) return next(transaction);
    const outcome = suggestTransaction(transaction, state, this.options.author);
    if (!outcome.ok) {
      this.options.onRefused.current(outcome.reason);
      return;
    }
    next(outcome.tr);
  },
});
