import type { JSONContent } from "@tiptap/core";
import { diffTokens } from "./diff-inline";
import { blockNotes } from "./diff-notes";
import { type Block, pairHunk, tokensOf, wordsOf } from "./diff-pairing";
import { DiffBudget, diffSequences } from "./diff-sequence";
import { isAtomBlock, stableStringify } from "./diff-text";

/**
 * A piece of a changed block's text. `marks` are the mark names of the text on its side ("to" for
 * same and insert, "from" for delete); a "same" part whose formatting changed also has `fromMarks`.
 */
export type InlinePart = {
  kind: "same" | "insert" | "delete";
  text: string;
  marks?: string[];
  /** Marks the text had in `from`, present only when they differ from `marks` (a formatting change). */
  fromMarks?: string[];
};

export type BlockChange =
  | { kind: "same"; from: JSONContent; to: JSONContent; fromIndex: number; toIndex: number }
  | {
      kind: "insert";
      to: JSONContent;
      toIndex: number;
      /** Set when the same block was deleted elsewhere: it moved from that `fromIndex`. */
      movedFrom?: number;
    }
  | {
      kind: "delete";
      from: JSONContent;
      fromIndex: number;
      /** Set when the same block was inserted elsewhere: it moved to that `toIndex`. */
      movedTo?: number;
    }
  | {
      kind: "change";
      from: JSONContent;
      to: JSONContent;
      fromIndex: number;
      toIndex: number;
      parts: InlinePart[];
      /** What changed besides the words: "Heading 2 → Heading 3", "pinned → live", "formatting"... */
      notes?: string[];
    };

/**
 * `inserted` / `deleted`: words added and removed (in changed blocks, plus every word of inserted
 * and deleted blocks; a card, comparison or rule counts as one). `changedBlocks`: blocks that are
 * not the same (changed, inserted or deleted).
 */
export type DocumentDiff = {
  blocks: BlockChange[];
  stats: { inserted: number; deleted: number; changedBlocks: number };
};

type Run = { stats: DocumentDiff["stats"]; budget: DiffBudget };

function changeOf(from: Block, to: Block, { stats, budget }: Run): BlockChange {
  const inline = diffTokens(tokensOf(from), tokensOf(to), budget);
  const notes = blockNotes(from.node, to.node);
  if (isAtomBlock(from.node)) {
    // A card or comparison changes as a whole: its words are not counted, its attributes are noted.
    if (!notes.length) notes.push("attributes changed");
  } else {
    stats.inserted += inline.inserted;
    stats.deleted += inline.deleted;
    if (inline.marksChanged) notes.push("formatting changed");
    const textChanged = inline.parts.some((part) => part.kind !== "same");
    if (!notes.length && !textChanged) notes.push("structure or attributes changed");
  }
  const change: BlockChange = {
    kind: "change",
    from: from.node,
    to: to.node,
    fromIndex: from.index,
    toIndex: to.index,
    parts: inline.parts,
  };
  if (notes.length) change.notes = notes;
  return change;
}

/** Words of a whole inserted or deleted block; a card, comparison or rule counts as one. */
function blockWords(block: Block): number {
  return isAtomBlock(block.node) ? 1 : wordsOf(block).size;
}

function emitHunk(dels: Block[], ins: Block[], out: BlockChange[], run: Run): void {
  const { stats } = run;
  let i = 0;
  let j = 0;
  const flushTo = (di: number, ij: number) => {
    for (; i < di; i++) {
      out.push({ kind: "delete", from: dels[i]!.node, fromIndex: dels[i]!.index });
      stats.deleted += blockWords(dels[i]!);
    }
    for (; j < ij; j++) {
      out.push({ kind: "insert", to: ins[j]!.node, toIndex: ins[j]!.index });
      stats.inserted += blockWords(ins[j]!);
    }
  };
  for (const [di, ij] of pairHunk(dels, ins)) {
    flushTo(di, ij);
    out.push(changeOf(dels[i]!, ins[j]!, run));
    i++;
    j++;
  }
  flushTo(dels.length, ins.length);
}

/** Marks deleted and inserted blocks that are the same block moved (identical content). */
function markMoves(blocks: BlockChange[], fingerprints: { from: number[]; to: number[] }): void {
  const deleted = new Map<number, Extract<BlockChange, { kind: "delete" }>[]>();
  for (const change of blocks) {
    if (change.kind !== "delete") continue;
    const id = fingerprints.from[change.fromIndex]!;
    const list = deleted.get(id);
    if (list) list.push(change);
    else deleted.set(id, [change]);
  }
  for (const change of blocks) {
    if (change.kind !== "insert") continue;
    const match = deleted.get(fingerprints.to[change.toIndex]!)?.shift();
    if (!match) continue;
    match.movedTo = change.toIndex;
    change.movedFrom = match.fromIndex;
  }
}

/**
 * Diffs two briefing documents (ProseMirror JSON) block by block: top-level blocks are aligned by
 * content fingerprint with Myers' algorithm, then neighbouring deleted and inserted blocks that
 * are alike are paired as "change" with a word-level inline diff (lists and tables included, by
 * their flattened text). Cards and comparisons are compared by their attributes. A block deleted
 * in one place and inserted unchanged in another is reported as delete + insert with `movedTo` /
 * `movedFrom`. Pure and synchronous; linear in the documents' size plus the edit distance, with
 * one work budget for the whole call (past it, what is left differs as whole deletions/insertions).
 */
export function diffDocuments(from: JSONContent, to: JSONContent): DocumentDiff {
  const a = from.content ?? [];
  const b = to.content ?? [];
  const ids = new Map<string, number>();
  const fingerprint = (node: JSONContent) => {
    const key = stableStringify(node);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  const fingerprints = { from: a.map(fingerprint), to: b.map(fingerprint) };
  const blocks: BlockChange[] = [];
  const stats = { inserted: 0, deleted: 0, changedBlocks: 0 };
  const run: Run = { stats, budget: new DiffBudget() };
  let i = 0;
  let j = 0;
  let dels: Block[] = [];
  for (const op of diffSequences(fingerprints.from, fingerprints.to, run.budget)) {
    if (op.op === "delete") {
      // diffSequences puts a delete run before the insert run it neighbours: keep it for that one.
      dels = a.slice(i, i + op.count).map((node, k) => ({ node, index: i + k }));
      i += op.count;
      continue;
    }
    if (op.op === "insert") {
      const ins = b.slice(j, j + op.count).map((node, k) => ({ node, index: j + k }));
      j += op.count;
      emitHunk(dels, ins, blocks, run);
      dels = [];
      continue;
    }
    emitHunk(dels, [], blocks, run);
    dels = [];
    for (let k = 0; k < op.count; k++, i++, j++) {
      blocks.push({ kind: "same", from: a[i]!, to: b[j]!, fromIndex: i, toIndex: j });
    }
  }
  emitHunk(dels, [], blocks, run);
  markMoves(blocks, fingerprints);
  for (const change of blocks) if (change.kind !== "same") stats.changedBlocks++;
  return { blocks, stats };
}

/** Where "Restore this paragraph" puts a block back in the `to` document of a diff. */
export type BlockRestore = { op: "replace" | "insert"; index: number; node: JSONContent };

/**
 * What restoring one block of a diff means for the `to` document (usually the current one): a
 * changed block's `from` version replaces the block at `toIndex`; a deleted block is inserted
 * after the `to` block that precedes it in the diff (at 0 when none does). Null for blocks that
 * cannot be restored: unchanged, inserted, or moved elsewhere (`movedTo`).
 */
export function blockRestore(diff: DocumentDiff, change: BlockChange): BlockRestore | null {
  if (change.kind === "change") return { op: "replace", index: change.toIndex, node: change.from };
  if (change.kind !== "delete" || change.movedTo !== undefined) return null;
  const at = diff.blocks.indexOf(change);
  if (at < 0) return null;
  for (let k = at - 1; k >= 0; k--) {
    const before = diff.blocks[k]!;
    if (before.kind !== "delete") return { op: "insert", index: before.toIndex + 1, node: change.from };
  }
  return { op: "insert", index: 0, node: change.from };
}
