import { transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import type { Mark, MarkType, Node as PmNode, ResolvedPos } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { ReplaceStep } from "@tiptap/pm/transform";
import { DELETION_MARK, INSERTION_MARK, type SuggestionAuthor } from "./marks";

/** The suggested form of a transaction, or why it cannot be suggested (then nothing changes). */
export type SuggestOutcome = { ok: true; tr: Transaction } | { ok: false; reason: string };

export const SUGGEST_REFUSALS = {
  format: "Formatting and block changes can't be suggested yet: type or delete text, or leave a comment.",
  embed: "Cards, comparisons and rules can't be added or removed as a suggestion: leave a comment instead.",
  table: "Rows, columns and whole tables can't be changed as a suggestion: edit text inside one cell at a time.",
} as const;

/**
 * A new suggestion id. Random rather than the package's "highest id + 1": two people suggesting at
 * the same moment in a shared document would otherwise get the same id and one group.
 */
export function newSuggestionId(): string {
  return `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

const isTablePart = (node: PmNode) => Boolean(node.type.spec.tableRole);
const isEmbed = (node: PmNode) => node.isBlock && node.isLeaf;

/** True when a range leaves one table cell (its ends are in different cells, or it spans cells). */
function crossesTableCells($from: ResolvedPos, $to: ResolvedPos): boolean {
  const shared = $from.sharedDepth($to.pos);
  for (const $pos of [$from, $to]) {
    for (let d = shared + 1; d <= $pos.depth; d++) if (isTablePart($pos.node(d))) return true;
  }
  const role = $from.node(shared).type.spec.tableRole;
  return role === "table" || role === "row";
}

/** Why the steps of `tr` cannot become suggestions, or null when they can. */
function refusal(tr: Transaction): string | null {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    const doc = tr.docs[i];
    if (!(step instanceof ReplaceStep) || !doc) return SUGGEST_REFUSALS.format;
    let reason: string | null = null;
    if (step.from < step.to) {
      doc.nodesBetween(step.from, step.to, (node) => {
        if (isEmbed(node)) reason ??= SUGGEST_REFUSALS.embed;
        return reason === null;
      });
      if (!reason && crossesTableCells(doc.resolve(step.from), doc.resolve(step.to))) reason = SUGGEST_REFUSALS.table;
    }
    step.slice.content.descendants((node) => {
      if (isEmbed(node)) reason ??= SUGGEST_REFUSALS.embed;
      if (isTablePart(node)) reason ??= SUGGEST_REFUSALS.table;
      return reason === null;
    });
    if (reason) return reason;
  }
  return null;
}

/**
 * Block-level suggestions are node marks in the package, and y-prosemirror does not store node
 * marks (they would vanish on every other client and on reload). Move them onto the text of the
 * blocks they cover; an empty block gets a zero-width space to carry the mark, as the package does
 * for block boundaries.
 */
function nodeMarksToText(tr: Transaction, types: MarkType[]): void {
  const found: { pos: number; mark: Mark }[] = [];
  tr.doc.descendants((node, pos) => {
    if (node.isInline) return false;
    for (const mark of node.marks) if (types.includes(mark.type)) found.push({ pos, mark });
    return true;
  });
  for (const { pos, mark } of found.reverse()) {
    tr.removeNodeMark(pos, mark);
    const node = tr.doc.nodeAt(pos);
    if (!node) continue;
    node.descendants((child, offset) => {
      if (!child.isTextblock) return true;
      const start = pos + 1 + offset + 1;
      if (child.content.size === 0) tr.insertText("\u200B", tr.mapping.map(start));
      const from = tr.mapping.map(start);
      const to = from + (tr.doc.nodeAt(from - 1)?.content.size ?? child.content.size);
      tr.addMark(from, to, mark);
      return false;
    });
  }
}

type Piece = { from: number; to: number; mark: Mark };

/** The pieces of suggestion marks in `doc` that have no author yet (just made by the package). */
function unattributed(doc: PmNode, types: MarkType[]): Piece[] {
  const pieces: Piece[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const mark = node.marks.find((m) => types.includes(m.type));
    if (mark && !mark.attrs.authorId) pieces.push({ from: pos, to: pos + node.nodeSize, mark });
    return false;
  });
  return pieces;
}

/**
 * Gives every suggestion mark the package created or re-created its author. The package creates
 * marks with an id only, and reuses the id of an adjacent suggestion, whoever made it; here:
 * - content that existed before and already carried a suggestion keeps its original mark (the
 *   package re-marks neighbours when it joins groups);
 * - new pieces get `author`; joining one's own adjacent group keeps that group's id and time,
 *   joining someone else's gets a fresh id, so each group has exactly one author.
 */
function attribute(tr: Transaction, before: PmNode, types: MarkType[], author: SuggestionAuthor, at: string): void {
  const owners = new Map<string, Mark>();
  tr.doc.descendants((node) => {
    for (const m of node.marks) if (types.includes(m.type) && m.attrs.authorId) owners.set(String(m.attrs.id), m);
    return true;
  });
  const renamed = new Map<string, string>();
  const inverse = tr.mapping.invert();
  for (const piece of unattributed(tr.doc, types)) {
    const start = inverse.mapResult(piece.from, 1);
    const end = inverse.mapResult(piece.to, -1);
    const existed =
      !start.deleted && !end.deleted && end.pos - start.pos === piece.to - piece.from && end.pos <= before.content.size;
    let restored = false;
    if (existed) {
      before.nodesBetween(start.pos, end.pos, (node, pos) => {
        if (!node.isInline) return true;
        const old = node.marks.find((m) => m.type === piece.mark.type && m.attrs.authorId);
        if (!old) return false;
        const from = Math.max(pos, start.pos) - start.pos + piece.from;
        const to = Math.min(pos + node.nodeSize, end.pos) - start.pos + piece.from;
        tr.addMark(from, to, old);
        restored = true;
        return false;
      });
    }
    if (restored) continue;
    const id = String(piece.mark.attrs.id);
    const owner = owners.get(id);
    let attrs: Record<string, unknown>;
    if (owner && owner.attrs.authorId === author.id) attrs = { ...owner.attrs };
    else if (owner) {
      const fresh = renamed.get(id) ?? newSuggestionId();
      renamed.set(id, fresh);
      attrs = { id: fresh, authorId: author.id, authorName: author.name, at };
    } else attrs = { id, authorId: author.id, authorName: author.name, at };
    const mark = piece.mark.type.create(attrs);
    if (!owner || owner.attrs.authorId !== author.id) owners.set(String(attrs.id), mark);
    tr.addMark(piece.from, piece.to, mark);
  }
}

/**
 * Turns an ordinary editing transaction into a suggestion: deleted text is marked, inserted text
 * is marked, nothing is removed (the package's transform), then every new mark is attributed.
 * Only text changes can be suggested (see SUGGEST_REFUSALS); anything else is refused whole.
 */
export function suggestTransaction(
  tr: Transaction,
  state: EditorState,
  author: SuggestionAuthor,
  now: Date = new Date(),
): SuggestOutcome {
  const reason = refusal(tr);
  if (reason) return { ok: false, reason };
  const { schema } = state;
  const types = [schema.marks[INSERTION_MARK], schema.marks[DELETION_MARK]].filter((t): t is MarkType => !!t);
  const tracked = transformToSuggestionTransaction(tr, state, () => newSuggestionId());
  nodeMarksToText(tracked, types);
  attribute(tracked, state.doc, types, author, now.toISOString());
  return { ok: true, tr: tracked };
}
