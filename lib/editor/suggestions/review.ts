import {
  applySuggestion,
  applySuggestions,
  revertSuggestion,
  revertSuggestions,
  suggestChangesKey,
} from "@handlewithcare/prosemirror-suggest-changes";
import type { Node as PmNode } from "@tiptap/pm/model";
import { type Command, EditorState, type Transaction } from "@tiptap/pm/state";
import { DELETION_MARK, INSERTION_MARK } from "./marks";

/** One suggestion as the review panel shows it: a group of marks with one id (and one author). */
export type Suggestion = {
  id: string;
  authorId: string | null;
  authorName: string | null;
  at: string | null;
  /** Suggested text (zero-width anchors removed); "" for a pure deletion. */
  inserted: string;
  /** Text suggested for removal; "" for a pure insertion. */
  deleted: string;
  /** Document range of the whole group. */
  from: number;
  to: number;
};

const ZWSP = /\u200B/g;

function inlineText(node: PmNode): string {
  if (node.isText) return (node.text ?? "").replace(ZWSP, "");
  if (node.type.name === "mention") return `@${String(node.attrs.label ?? "")}`;
  if (node.type.name === "hardBreak") return "\n";
  return "";
}

/** The suggestions in a document, in document order, grouped by id. */
export function listSuggestions(doc: PmNode): Suggestion[] {
  const byId = new Map<string, Suggestion>();
  let lastParent: PmNode | null = null;
  doc.descendants((node, pos, parent) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const kind = mark.type.name === INSERTION_MARK ? "inserted" : mark.type.name === DELETION_MARK ? "deleted" : null;
      if (!kind) continue;
      const id = String(mark.attrs.id);
      let s = byId.get(id);
      if (!s) {
        s = {
          id,
          authorId: (mark.attrs.authorId as string | null) ?? null,
          authorName: (mark.attrs.authorName as string | null) ?? null,
          at: (mark.attrs.at as string | null) ?? null,
          inserted: "",
          deleted: "",
          from: pos,
          to: pos + node.nodeSize,
        };
        byId.set(id, s);
      } else if (parent !== lastParent && s[kind]) s[kind] += "\n";
      s[kind] += inlineText(node);
      s.to = pos + node.nodeSize;
    }
    lastParent = parent;
    return false;
  });
  return [...byId.values()];
}

/** Marks the transaction as a review action, so suggesting mode does not turn it into a suggestion. */
export function asReview(tr: Transaction): Transaction {
  return tr.setMeta(suggestChangesKey, { skip: true });
}

/** Runs several commands one after another and returns ONE transaction (one undo step). */
function chain(state: EditorState, commands: Command[]): Transaction | null {
  const combined = state.tr;
  let current = state;
  for (const command of commands) {
    let produced: Transaction | null = null;
    command(current, (tr) => {
      produced = tr;
    });
    const tr = produced as Transaction | null;
    if (!tr?.docChanged) continue;
    for (const step of tr.steps) combined.step(step);
    current = EditorState.create({ schema: state.schema, doc: combined.doc });
  }
  return combined.docChanged ? asReview(combined) : null;
}

/** Accept (apply) or reject (revert) one suggestion by id. */
export function reviewSuggestion(state: EditorState, id: string, accept: boolean): Transaction | null {
  return chain(state, [accept ? applySuggestion(id) : revertSuggestion(id)]);
}

/** Accept or reject every suggestion, or only those of one author. */
export function reviewAll(state: EditorState, accept: boolean, authorId?: string): Transaction | null {
  if (authorId === undefined) return chain(state, [accept ? applySuggestions : revertSuggestions]);
  const ids = listSuggestions(state.doc)
    .filter((s) => s.authorId === authorId)
    .map((s) => s.id);
  return chain(
    state,
    ids.map((id) => (accept ? applySuggestion(id) : revertSuggestion(id))),
  );
}

/** A document with every suggestion accepted (exports "as if all accepted"), and how many there were. */
export function acceptAllOf(doc: PmNode): { doc: PmNode; pending: number } {
  const pending = listSuggestions(doc).length;
  if (pending === 0) return { doc, pending };
  const tr = reviewAll(EditorState.create({ schema: doc.type.schema, doc }), true);
  return { doc: tr?.doc ?? doc, pending };
}
