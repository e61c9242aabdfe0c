import type { JSONContent } from "@tiptap/core";
import { mentionText } from "@/lib/editor/mention-text";

/**
 * The text side of the version diff: a block as runs of text with their marks, the tokens (words,
 * or characters in CJK scripts) its inline diff works on, and a fingerprint for block alignment.
 */

/** A stretch of a block's text with one set of marks. `key` also holds mark attributes (link href). */
export type TextRun = { text: string; marks: string[]; key: string; atom?: true };

/** One unit of the inline diff: a word, a space or punctuation run, a CJK character or an atom. */
export type Token = { text: string; marks: string[]; key: string; wordLike: boolean };

/** Between list items and table rows in a block's flattened text. */
export const LINE_SEPARATOR = "\n";
/** Between the cells of a table row. */
export const CELL_SEPARATOR = "\t";
/** Between paragraphs (or list items) inside one table cell: U+2029 PARAGRAPH SEPARATOR. */
export const CELL_LINE_SEPARATOR = "\u2029";

const ATOM_TEXT: Record<string, (node: JSONContent) => string> = {
  frameworkCard: (node) => `[Framework: ${String(node.attrs?.slug ?? "")}]`,
  comparison: (node) => `[Comparison: ${String(node.attrs?.title ?? "")}]`,
  horizontalRule: () => "",
};

/** Block types that are one unit (no text of their own to diff word by word). */
export function isAtomBlock(node: JSONContent): boolean {
  return node.type !== undefined && node.type in ATOM_TEXT;
}

function marksOf(node: JSONContent): { marks: string[]; key: string } {
  const list = (node.marks ?? []).map((mark) => ({
    name: mark.type,
    key: mark.attrs && Object.keys(mark.attrs).length ? `${mark.type}${stableStringify(mark.attrs)}` : mark.type,
  }));
  list.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { marks: list.map((m) => m.name), key: list.map((m) => m.key).join("|") };
}

function inlineRuns(node: JSONContent, out: TextRun[], inCell: boolean): void {
  for (const child of node.content ?? []) {
    const { marks, key } = marksOf(child);
    if (child.type === "text") {
      if (child.text) out.push({ text: child.text, marks, key });
    } else if (child.type === "hardBreak") out.push({ text: inCell ? CELL_LINE_SEPARATOR : "\n", marks, key });
    else if (child.type === "mention") out.push({ text: mentionText(child.attrs), marks, key, atom: true });
    else if (child.content?.length) inlineRuns(child, out, inCell);
    else if (typeof child.text === "string") out.push({ text: child.text, marks, key });
  }
}

const TABLE_CELLS = new Set(["tableCell", "tableHeader"]);

function separatorFor(node: JSONContent, inCell: boolean): string {
  if (node.type === "tableRow") return CELL_SEPARATOR;
  return inCell ? CELL_LINE_SEPARATOR : LINE_SEPARATOR;
}

function isTextblock(node: JSONContent): boolean {
  const children = node.content ?? [];
  return (
    children.length > 0 && children.every((c) => c.type === "text" || c.type === "hardBreak" || c.type === "mention")
  );
}

function collectRuns(node: JSONContent, out: TextRun[], inCell = false): void {
  const atom = node.type ? ATOM_TEXT[node.type] : undefined;
  if (atom) {
    const text = atom(node);
    if (text) out.push({ text, marks: [], key: "", atom: true });
    return;
  }
  if (node.type === "paragraph" || node.type === "heading" || isTextblock(node)) {
    inlineRuns(node, out, inCell);
    return;
  }
  const cell = inCell || TABLE_CELLS.has(node.type ?? "");
  const separator = separatorFor(node, cell);
  (node.content ?? []).forEach((child, i) => {
    if (i > 0) out.push({ text: separator, marks: [], key: "" });
    collectRuns(child, out, cell);
  });
}

/**
 * A block's text as runs in document order: inline text with marks; list items and table rows
 * separated by "\n", table cells by "\t" (paragraphs inside a cell by U+2029); cards and comparisons as "[Framework: slug]" /
 * "[Comparison: title]" (the same words as the plain-text content and exports use).
 */
export function blockRuns(node: JSONContent): TextRun[] {
  const out: TextRun[] = [];
  collectRuns(node, out);
  return out;
}

/** A block's flattened text (what the inline parts of its diff concatenate to). */
export function blockText(node: JSONContent): string {
  return blockRuns(node)
    .map((run) => run.text)
    .join("");
}

// Scripts written without spaces. CJK is diffed by character (its word segmentation depends on a
// dictionary, and a character is a meaningful unit); Thai, Lao, Khmer and Myanmar by the words
// Intl.Segmenter finds in them.
const CJK = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|\p{Script=Bopomofo}/u;
const SEA = /\p{Script=Thai}|\p{Script=Lao}|\p{Script=Khmer}|\p{Script=Myanmar}/u;
const NON_ASCII = /[^\t-~]/;
/**
 * One token per match: a word (letters, digits and combining marks of any script, with inner
 * apostrophes: "don't") | spaces | one other character. A regular expression instead of
 * Intl.Segmenter for the common case: V8's segmenter took over 100 ms per 100,000 characters even
 * in short pieces (and seconds on one long string); this takes a few. Words holding CJK or
 * South-East Asian letters are split further (splitScripts).
 */
const TOKEN = /([\p{L}\p{N}\p{M}]+(?:['\u2019][\p{L}\p{N}\p{M}]+)*)|\s+|[^\s]/gu;
const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });

/** A word of mixed scripts as tokens: CJK characters one by one, Thai & co. by Intl.Segmenter words. */
function splitScripts(word: string, run: TextRun, tokens: Token[]): void {
  let rest = "";
  const flushRest = () => {
    if (!rest) return;
    if (SEA.test(rest)) {
      for (const part of segmenter.segment(rest)) {
        tokens.push({ text: part.segment, marks: run.marks, key: run.key, wordLike: part.isWordLike === true });
      }
    } else tokens.push({ text: rest, marks: run.marks, key: run.key, wordLike: true });
    rest = "";
  };
  for (const char of word) {
    if (!CJK.test(char)) {
      rest += char;
      continue;
    }
    flushRest();
    tokens.push({ text: char, marks: run.marks, key: run.key, wordLike: true });
  }
  flushRest();
}

function pushText(run: TextRun, tokens: Token[]): void {
  for (const [segment, word] of run.text.matchAll(TOKEN)) {
    if (word && NON_ASCII.test(word) && (CJK.test(word) || SEA.test(word))) splitScripts(word, run, tokens);
    else tokens.push({ text: segment, marks: run.marks, key: run.key, wordLike: word !== undefined });
  }
}

/** Splits runs into tokens: words in any script, CJK by character; a mention is one token. */
export function tokenize(runs: TextRun[]): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    if (run.atom) tokens.push({ text: run.text, marks: run.marks, key: run.key, wordLike: true });
    else pushText(run, tokens);
  }
  return tokens;
}

/** JSON with object keys sorted, so equal nodes have equal fingerprints whatever their key order. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + stableStringify(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // Documents from one producer already have a fixed key order; sorting is the rare path.
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      keys.sort();
      break;
    }
  }
  let out = "{";
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${stableStringify(item)}`;
    first = false;
  }
  return `${out}}`;
}
