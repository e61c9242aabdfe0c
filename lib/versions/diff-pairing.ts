import type { JSONContent } from "@tiptap/core";
import { blockRuns, isAtomBlock, type Token, tokenize } from "./diff-text";

/**
 * Pairing in a run of deleted and inserted blocks: which removed block became which added one
 * (a "change" with an inline diff) and which were really removed or added.
 */

/** Two blocks at least this similar (Dice coefficient of their words) are a "change", not delete + insert. */
export const CHANGE_SIMILARITY = 0.4;
/** Hunks up to this many delete x insert pairs are paired optimally; larger ones greedily. */
const OPTIMAL_PAIRING_CELLS = 4096;
const GREEDY_WINDOW = 8;

/** A top-level block in a hunk, with its tokens and word counts computed once, when first needed. */
export type Block = { node: JSONContent; index: number; tokens?: Token[]; words?: Map<string, number>; size?: number };

/** The block's tokens (cached). */
export function tokensOf(block: Block): Token[] {
  block.tokens ??= tokenize(blockRuns(block.node));
  return block.tokens;
}

/** The block's word-like tokens counted by text, and how many there are (cached). */
export function wordsOf(block: Block): { words: Map<string, number>; size: number } {
  if (!block.words) {
    const words = new Map<string, number>();
    let size = 0;
    for (const token of tokensOf(block)) {
      if (!token.wordLike) continue;
      words.set(token.text, (words.get(token.text) ?? 0) + 1);
      size++;
    }
    block.words = words;
    block.size = size;
  }
  return { words: block.words, size: block.size ?? 0 };
}

const FAMILY: Record<string, string> = { paragraph: "text", heading: "text", bulletList: "list", orderedList: "list" };
const family = (node: JSONContent) => FAMILY[node.type ?? ""] ?? node.type ?? "";

/** How alike two blocks are, 0..1: same family of type required, then shared words (or embed identity). */
function similarity(x: Block, y: Block): number {
  if (family(x.node) !== family(y.node)) return 0;
  if (isAtomBlock(x.node)) {
    const key = x.node.type === "comparison" ? "comparisonId" : "slug";
    return x.node.attrs?.[key] === y.node.attrs?.[key] ? 1 : 0.5;
  }
  const a = wordsOf(x);
  const b = wordsOf(y);
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  let common = 0;
  for (const [word, count] of a.words) common += Math.min(count, b.words.get(word) ?? 0);
  return (2 * common) / (a.size + b.size);
}

/** Pairs of (delete, insert) positions in a hunk, in order, that are similar enough to be changes. */
export function pairHunk(dels: Block[], ins: Block[]): [number, number][] {
  if (dels.length * ins.length <= OPTIMAL_PAIRING_CELLS) return pairOptimal(dels, ins);
  const pairs: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < dels.length && start < ins.length; i++) {
    for (let j = start; j < Math.min(ins.length, start + GREEDY_WINDOW); j++) {
      if (similarity(dels[i]!, ins[j]!) >= CHANGE_SIMILARITY) {
        pairs.push([i, j]);
        start = j + 1;
        break;
      }
    }
  }
  return pairs;
}

/** Order-preserving pairing maximising total similarity (a small LCS-style table). */
function pairOptimal(dels: Block[], ins: Block[]): [number, number][] {
  const n = dels.length;
  const m = ins.length;
  const sim = new Float64Array(n * m);
  const score = new Float64Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => score[i * (m + 1) + j]!;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = similarity(dels[i]!, ins[j]!);
      sim[i * m + j] = s;
      const pair = s >= CHANGE_SIMILARITY ? at(i + 1, j + 1) + s : 0;
      score[i * (m + 1) + j] = Math.max(pair, at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = sim[i * m + j]!;
    if (s >= CHANGE_SIMILARITY && at(i, j) === at(i + 1, j + 1) + s) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (at(i, j) === at(i + 1, j)) i++;
    else j++;
  }
  return pairs;
}
