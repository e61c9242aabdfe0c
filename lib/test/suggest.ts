import type { EditorState, Transaction } from "@tiptap/pm/state";
import type * as Y from "yjs";
import type { SuggestionAuthor } from "@/lib/editor/suggestions/marks";
import { suggestTransaction } from "@/lib/editor/suggestions/transform";
import { headlessEditor } from "./headless-editor";

/**
 * Makes `edit` as a suggestion by `author` on a client's document, the way the browser's Suggesting
 * mode does (suggestTransaction), and applies it; a refused suggestion throws with its reason.
 */
export function suggestOn(doc: Y.Doc, author: SuggestionAuthor, edit: (s: EditorState) => Transaction): void {
  const editor = headlessEditor(doc);
  const state = editor.state();
  const outcome = suggestTransaction(edit(state), state, author);
  if (!outcome.ok) throw new Error(outcome.reason);
  editor.apply(outcome.tr);
}
