import type { InlinePart } from "./diff";
import { type DiffBudget, diffSequences } from "./diff-sequence";
import { LINE_SEPARATOR, type Token } from "./diff-text";

/** The word-level diff of two blocks' texts. */
export type InlineDiff = { parts: InlinePart[]; inserted: number; deleted: number; marksChanged: boolean };

type Segment = { kind: "same"; a: Token[]; b: Token[] } | { kind: "edit"; a: Token[]; b: Token[] };

function intern(tokens: Token[], ids: Map<string, number>): Int32Array {
  const out = new Int32Array(tokens.length);
  tokens.forEach((token, i) => {
    let id = ids.get(token.text);
    if (id === undefined) {
      id = ids.size;
      ids.set(token.text, id);
    }
    out[i] = id;
  });
  return out;
}

/** Word-level segments of two token sequences (one Myers diff over the tokens' texts). */
function tokenSegments(a: Token[], b: Token[], segments: Segment[], budget?: DiffBudget): void {
  const ids = new Map<string, number>();
  const ops = diffSequences(intern(a, ids), intern(b, ids), budget);
  let i = 0;
  let j = 0;
  for (const op of ops) {
    const last = segments[segments.length - 1];
    if (op.op === "same") {
      segments.push({ kind: "same", a: a.slice(i, i + op.count), b: b.slice(j, j + op.count) });
      i += op.count;
      j += op.count;
      continue;
    }
    const edit: Segment = last?.kind === "edit" ? last : { kind: "edit", a: [], b: [] };
    if (edit !== last) segments.push(edit);
    if (op.op === "delete") {
      edit.a.push(...a.slice(i, i + op.count));
      i += op.count;
    } else {
      edit.b.push(...b.slice(j, j + op.count));
      j += op.count;
    }
  }
}

/** Tokens cut into lines, each ending with its "\n" token (list items, table rows, line breaks). */
function linesOf(tokens: Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const token of tokens) {
    lines[lines.length - 1]!.push(token);
    if (token.text === LINE_SEPARATOR) lines.push([]);
  }
  if (!lines[lines.length - 1]!.length) lines.pop();
  return lines;
}

/** Above this many token pairs a run of changed lines is diffed line by line, not as one text. */
const WHOLE_HUNK_CELLS = 1_000_000;

/**
 * Words of a run of changed lines: as one text when small or when only one side has lines;
 * otherwise line by line in order (rows edited in place), the surplus lines as deleted or added.
 */
function changedLines(removed: Token[][], added: Token[][], segments: Segment[], budget?: DiffBudget): void {
  const a = removed.flat();
  const b = added.flat();
  if (removed.length !== added.length && (a.length * b.length <= WHOLE_HUNK_CELLS || !a.length || !b.length)) {
    tokenSegments(a, b, segments, budget);
    return;
  }
  const common = Math.min(removed.length, added.length);
  for (let k = 0; k < common; k++) tokenSegments(removed[k]!, added[k]!, segments, budget);
  const rest: Segment = { kind: "edit", a: removed.slice(common).flat(), b: added.slice(common).flat() };
  if (rest.a.length || rest.b.length) segments.push(rest);
}

/**
 * Segments of two blocks' tokens, line first: lines (list items, table rows) are aligned as
 * wholes, then words are diffed inside each run of changed lines (pairwise when as many lines
 * were removed as added: rows edited in place). A 100,000-character table with scattered edits is
 * then a thousand short diffs instead of one long one.
 */
function segmentsOf(a: Token[], b: Token[], budget?: DiffBudget): Segment[] {
  const segments: Segment[] = [];
  const linesA = linesOf(a);
  const linesB = linesOf(b);
  if (linesA.length <= 1 && linesB.length <= 1) {
    tokenSegments(a, b, segments, budget);
    return segments;
  }
  const ids = new Map<string, number>();
  const key = (line: Token[]) => line.map((t) => t.text).join("");
  const intoIds = (lines: Token[][]) =>
    Int32Array.from(lines, (line) => {
      const k = key(line);
      let id = ids.get(k);
      if (id === undefined) {
        id = ids.size;
        ids.set(k, id);
      }
      return id;
    });
  let i = 0;
  let j = 0;
  let removed: Token[][] = [];
  for (const op of diffSequences(intoIds(linesA), intoIds(linesB), budget)) {
    if (op.op === "delete") {
      removed = linesA.slice(i, i + op.count);
      i += op.count;
      continue;
    }
    if (op.op === "insert") {
      const added = linesB.slice(j, j + op.count);
      j += op.count;
      changedLines(removed, added, segments, budget);
      removed = [];
      continue;
    }
    if (removed.length) segments.push({ kind: "edit", a: removed.flat(), b: [] });
    removed = [];
    segments.push({ kind: "same", a: linesA.slice(i, i + op.count).flat(), b: linesB.slice(j, j + op.count).flat() });
    i += op.count;
    j += op.count;
  }
  if (removed.length) segments.push({ kind: "edit", a: removed.flat(), b: [] });
  return segments;
}

const chars = (tokens: Token[]) => tokens.reduce((sum, t) => sum + t.text.length, 0);

/**
 * Semantic cleanup (after diff-match-patch's diff_cleanupSemantic): an unchanged stretch between
 * two edits that holds no word ("the cat" -> "a dog" keeps its space) or is no longer than the
 * edits on both sides is folded into them, so a rewritten phrase reads as one deletion and one
 * insertion instead of a comb of single words.
 */
function cleanup(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k]!;
    const before = out[out.length - 1];
    const after = segments[k + 1];
    if (segment.kind === "same" && before?.kind === "edit" && after?.kind === "edit") {
      const length = chars(segment.a);
      const noWord = !segment.a.some((t) => t.wordLike);
      const small =
        length <= Math.max(chars(before.a), chars(before.b)) && length <= Math.max(chars(after.a), chars(after.b));
      if (noWord || small) {
        before.a.push(...segment.a, ...after.a);
        before.b.push(...segment.b, ...after.b);
        k++;
        continue;
      }
    }
    if (segment.kind === "edit" && before?.kind === "edit") {
      before.a.push(...segment.a);
      before.b.push(...segment.b);
    } else out.push({ kind: segment.kind, a: [...segment.a], b: [...segment.b] });
  }
  return out;
}

class PartWriter {
  readonly parts: InlinePart[] = [];
  private lastKey = "";

  add(kind: InlinePart["kind"], token: Token, fromToken?: Token): void {
    const fromMarks = fromToken && fromToken.key !== token.key ? fromToken.marks : undefined;
    const key = `${kind}\u0000${token.key}\u0000${fromToken && fromMarks ? fromToken.key : ""}`;
    const last = this.parts[this.parts.length - 1];
    if (last && key === this.lastKey) {
      last.text += token.text;
      return;
    }
    const part: InlinePart = { kind, text: token.text };
    if (token.marks.length) part.marks = token.marks;
    if (fromMarks) part.fromMarks = fromMarks;
    this.parts.push(part);
    this.lastKey = key;
  }
}

/**
 * Diffs two blocks' tokens (see tokenize) word by word: lines first, then words. Alignment is on
 * the text alone; a word kept with other marks is a "same" part carrying `fromMarks` (a formatting
 * change). `inserted` / `deleted` count word-like tokens.
 */
export function diffTokens(from: Token[], to: Token[], budget?: DiffBudget): InlineDiff {
  const writer = new PartWriter();
  let inserted = 0;
  let deleted = 0;
  let marksChanged = false;
  for (const segment of cleanup(segmentsOf(from, to, budget))) {
    if (segment.kind === "same") {
      segment.b.forEach((token, i) => {
        const before = segment.a[i]!;
        if (before.key !== token.key) marksChanged = true;
        writer.add("same", token, before);
      });
      continue;
    }
    for (const token of segment.a) {
      if (token.wordLike) deleted++;
      writer.add("delete", token);
    }
    for (const token of segment.b) {
      if (token.wordLike) inserted++;
      writer.add("insert", token);
    }
  }
  return { parts: writer.parts, inserted, deleted, marksChanged };
}
