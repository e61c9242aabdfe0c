import type { JSONContent } from "@tiptap/core";
import { Fragment, type Node as PmNode, Slice } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { ReplaceStep } from "@tiptap/pm/transform";
import { editorSchema } from "@/lib/editor/schema";
import type { SuggestionAuthor } from "@/lib/editor/suggestions/marks";
import { SUGGEST_REFUSALS, suggestTransaction } from "@/lib/editor/suggestions/transform";
import { type BlockChange, diffDocuments } from "./diff";
import { diffSequences } from "./diff-sequence";
import { stableStringify } from "./diff-text";

/** What proposing a diff did: the document with the suggestions, and what could not be proposed. */
export type ProposeResult = {
  doc: PmNode;
  /** Blocks of the diff turned into suggestions. */
  proposed: number;
  /** One sentence per block that could not be proposed, saying why. */
  skipped: string[];
};

const STALE = "it changed since the older version";
const STRUCTURE = "only text can be suggested: its structure, kind or formatting changed";

function quote(node: JSONContent): string {
  const text = editorSchema()
    .nodeFromJSON(node)
    .textContent.replace(/\u200B/g, "");
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return short ? `“${short}”` : `a ${node.type ?? "block"}`;
}

/** Child-by-child ranges where two nodes of the same shape differ: [start, end) in each, per textblock. */
type TextEdit = { from: number; to: number; slice: Slice };

type Token = { key: number; from: number; to: number };

/** A textblock's content as words, spaces, punctuation and inline nodes, with their content offsets. */
function tokensOf(node: PmNode, intern: (key: string) => number): Token[] {
  const tokens: Token[] = [];
  node.forEach((child, offset) => {
    const marks = JSON.stringify(child.marks.map((m) => m.toJSON()));
    if (!child.isText) {
      tokens.push({ key: intern(JSON.stringify(child.toJSON())), from: offset, to: offset + child.nodeSize });
      return;
    }
    // Words, runs of spaces, and each punctuation mark on its own ("presence." -> "presence grows.").
    for (const match of (child.text ?? "").matchAll(/\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) {
      const from = offset + match.index;
      tokens.push({ key: intern(`${marks}${match[0]}`), from, to: from + match[0].length });
    }
  });
  return tokens;
}

/**
 * The word-level edits that turn textblock `current` into `target` (same type and attributes):
 * each run of changed words becomes one replacement with the target's content there (its marks
 * kept), so a sentence edited in two places gives two suggestions, not one spanning both.
 */
function wordEdits(current: PmNode, target: PmNode, pos: number): TextEdit[] {
  if (current.content.eq(target.content)) return [];
  const ids = new Map<string, number>();
  const intern = (key: string) => {
    const known = ids.get(key);
    if (known !== undefined) return known;
    ids.set(key, ids.size);
    return ids.size - 1;
  };
  const a = tokensOf(current, intern);
  const b = tokensOf(target, intern);
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  const ops = diffSequences(
    a.map((t) => t.key),
    b.map((t) => t.key),
  );
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    if (op.op === "same") {
      i += op.count;
      j += op.count;
      continue;
    }
    // A delete run and the insert run after it are one replacement.
    const dels = op.op === "delete" ? op.count : 0;
    const next = ops[k + 1];
    const ins = op.op === "insert" ? op.count : next?.op === "insert" ? next.count : 0;
    if (op.op === "delete" && next?.op === "insert") k++;
    const fromA = a[i]?.from ?? current.content.size;
    const toA = dels ? a[i + dels - 1]!.to : fromA;
    const fromB = b[j]?.from ?? target.content.size;
    const toB = ins ? b[j + ins - 1]!.to : fromB;
    edits.push({ from: pos + 1 + fromA, to: pos + 1 + toA, slice: target.slice(fromB, toB) });
    i += dels;
    j += ins;
  }
  return edits;
}

/**
 * The text edits that turn `current` (equal to the older version's block) into `target`, when
 * they have the same structure (same node types, attributes and number of children all the way
 * down) and only the inline content of textblocks differs; null otherwise.
 */
function textEdits(current: PmNode, target: PmNode, pos: number): TextEdit[] | null {
  if (current.type !== target.type || stableStringify(current.attrs) !== stableStringify(target.attrs)) return null;
  if (current.isTextblock) return wordEdits(current, target, pos);
  if (current.isLeaf || current.childCount !== target.childCount) return current.eq(target) ? [] : null;
  const edits: TextEdit[] = [];
  let offset = pos + 1;
  for (let i = 0; i < current.childCount; i++) {
    const inner = textEdits(current.child(i), target.child(i), offset);
    if (!inner) return null;
    edits.push(...inner);
    offset += current.child(i).nodeSize;
  }
  return edits;
}

type Op = { key: number; order: number; change: BlockChange };

/** Start position of the top-level block at `index`. */
function blockPos(doc: PmNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

/**
 * Proposes the changes between two versions (`from` -> `to`) on the current document as
 * suggestions by `author`, as if they had typed them: changed text becomes suggested deletions
 * and insertions, new blocks suggested insertions, removed blocks suggested deletions. A block is
 * found in the current document only where it is still exactly as in `from`; blocks changed since,
 * and changes suggestions cannot express (structure, kind, formatting, cards, tables' rows), are
 * left out and listed in `skipped`. Pure; `now` is the suggestions' time.
 */
export function proposeChanges(
  from: JSONContent,
  to: JSONContent,
  current: JSONContent,
  author: SuggestionAuthor,
  now: Date = new Date(),
): ProposeResult {
  const schema = editorSchema();
  let state = EditorState.create({ schema, doc: schema.nodeFromJSON(current) });
  // Where each block of `from` is in the current document, if it is there unchanged.
  const anchor = new Map<number, number>();
  for (const change of diffDocuments(from, current).blocks) {
    if (change.kind === "same") anchor.set(change.fromIndex, change.toIndex);
  }
  const diff = diffDocuments(from, to);
  const ops: Op[] = [];
  const skipped: { order: number; text: string }[] = [];
  const skip = (order: number, text: string) => skipped.push({ order, text });
  let after = -1; // current index of the last anchored `from` block met, for insertions
  diff.blocks.forEach((change, order) => {
    if (change.kind === "insert") {
      ops.push({ key: after + 0.5, order, change });
      return;
    }
    const at = anchor.get(change.fromIndex);
    if (at !== undefined) after = at;
    if (change.kind === "same") return;
    if (at === undefined) skip(order, `${quote(change.from)} was not proposed: ${STALE}.`);
    else ops.push({ key: at, order, change });
  });
  // Text edits inside blocks first (while the blocks are still exactly as in `from`), then added
  // and removed blocks, which mark the neighbouring block's end; each from the end of the
  // document backwards, so positions met later are not shifted.
  const pass = (op: Op) => (op.change.kind === "change" ? 0 : 1);
  ops.sort((a, b) => pass(a) - pass(b) || b.key - a.key || b.order - a.order);
  let proposed = 0;
  const attempt = (change: BlockChange, order: number, make: (s: EditorState) => Transaction | null) => {
    const tr = make(state);
    const label = quote(change.kind === "insert" ? change.to : change.from);
    if (!tr) return skip(order, `${label} was not proposed: ${STRUCTURE}.`);
    let outcome: ReturnType<typeof suggestTransaction>;
    try {
      outcome = suggestTransaction(tr, state, author, now);
    } catch {
      outcome = { ok: false, reason: `${STRUCTURE}.` };
    }
    if (!outcome.ok) return skip(order, `${label} was not proposed: ${outcome.reason}`);
    state = state.apply(outcome.tr);
    proposed++;
  };
  for (const { key, order, change } of ops) {
    const block = change.kind === "insert" ? change.to : change.from;
    if (change.kind !== "change" && schema.nodeFromJSON(block).isLeaf) {
      skip(order, `${quote(block)} was not proposed: ${SUGGEST_REFUSALS.embed}`);
    } else if (change.kind === "insert") {
      const node = schema.nodeFromJSON(change.to);
      attempt(change, order, (s) => {
        // As a person adds a paragraph: Enter at the end of the one before, then the new text.
        const index = Math.ceil(key);
        const previous = s.doc.maybeChild(index - 1);
        if (!previous?.isTextblock) return s.tr.insert(blockPos(s.doc, index), node);
        const end = blockPos(s.doc, index) - 1;
        return s.tr.replace(end, end, new Slice(Fragment.from([previous.type.create(), node]), 1, 1));
      });
    } else if (change.kind === "delete") {
      attempt(change, order, (s) => {
        // As a person deletes a paragraph: from the end of the one before (or to the start of the
        // one after), so the break goes with it; the package marks text, not whole blocks.
        const pos = blockPos(s.doc, key);
        const end = pos + s.doc.child(key).nodeSize;
        if (s.doc.child(key - 1)?.isTextblock) return s.tr.delete(pos - 1, end - 1);
        if (s.doc.maybeChild(key + 1)?.isTextblock) return s.tr.delete(pos + 1, end + 1);
        return null;
      });
    } else if (change.kind === "change") {
      attempt(change, order, (s) => {
        const edits = textEdits(s.doc.child(key), schema.nodeFromJSON(change.to), blockPos(s.doc, key));
        if (!edits?.length) return null;
        const tr = s.tr;
        // Last edit first: earlier positions stay valid.
        for (const edit of edits.reverse()) tr.step(new ReplaceStep(edit.from, edit.to, edit.slice));
        return tr;
      });
    }
  }
  skipped.sort((a, b) => a.order - b.order);
  return { doc: state.doc, proposed, skipped: skipped.map((s) => s.text) };
}
