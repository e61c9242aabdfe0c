/**
 * Myers' O(ND) difference algorithm in linear space (the "middle snake" bisection, as in
 * diff-match-patch's diff_bisect), over sequences of integer ids: blocks and words are interned to
 * numbers first, so comparing two elements is one integer comparison whatever their size.
 */

/** One run of the edit script: `count` elements kept, deleted from `a` or inserted from `b`. */
export type SequenceOp = { op: "same" | "delete" | "insert"; count: number };

/** How much work one diff may do before the rest of a sub-problem is reported as delete + insert. */
export const DEFAULT_DIFF_BUDGET = 10_000_000;

/**
 * Work left (inner-loop steps of the search), shared by every sequence diffed with it: one document
 * diff hands the same budget to its block alignment and all its inline diffs, so a document full
 * of huge rewritten tables cannot take budget x blocks.
 */
export class DiffBudget {
  constructor(public remaining: number = DEFAULT_DIFF_BUDGET) {}
}

type Ctx = { a: ArrayLike<number>; b: ArrayLike<number>; ops: SequenceOp[]; budget: DiffBudget };

function push(ctx: Ctx, op: SequenceOp["op"], count: number): void {
  if (count <= 0) return;
  const last = ctx.ops[ctx.ops.length - 1];
  if (last?.op === op) last.count += count;
  else ctx.ops.push({ op, count });
}

/**
 * The shortest edit script turning `a` into `b`, as runs in order (a delete run comes before the
 * insert run it neighbours). When a pathological input exhausts `budget` (inner-loop steps), the
 * remaining differing middle is reported as one delete and one insert: correct, only less minimal.
 * The `budget` object is spent in place (pass the same one to related diffs to cap them together).
 */
export function diffSequences(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  budget: DiffBudget = new DiffBudget(),
): SequenceOp[] {
  const ctx: Ctx = { a, b, ops: [], budget };
  diffRange(ctx, 0, a.length, 0, b.length);
  return normalize(ctx.ops);
}

/** Merges neighbouring runs and orders each delete/insert cluster as deletes first. */
function normalize(ops: SequenceOp[]): SequenceOp[] {
  const out: SequenceOp[] = [];
  let del = 0;
  let ins = 0;
  const flush = () => {
    if (del) out.push({ op: "delete", count: del });
    if (ins) out.push({ op: "insert", count: ins });
    del = 0;
    ins = 0;
  };
  for (const op of ops) {
    if (op.op === "delete") del += op.count;
    else if (op.op === "insert") ins += op.count;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === "same") last.count += op.count;
      else out.push({ ...op });
    }
  }
  flush();
  return out;
}

function diffRange(ctx: Ctx, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const { a, b } = ctx;
  // Common prefix and suffix cost nothing to find and shrink the search.
  let prefix = 0;
  while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
  push(ctx, "same", prefix);
  aLo += prefix;
  bLo += prefix;
  let suffix = 0;
  while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
  aHi -= suffix;
  bHi -= suffix;
  if (aLo === aHi || bLo === bHi) {
    push(ctx, "delete", aHi - aLo);
    push(ctx, "insert", bHi - bLo);
  } else {
    const split = ctx.budget.remaining > 0 ? bisect(ctx, aLo, aHi, bLo, bHi) : null;
    if (split) {
      diffRange(ctx, aLo, split[0], bLo, split[1]);
      diffRange(ctx, split[0], aHi, split[1], bHi);
    } else {
      push(ctx, "delete", aHi - aLo);
      push(ctx, "insert", bHi - bLo);
    }
  }
  push(ctx, "same", suffix);
}

/**
 * Finds the middle snake of a[aLo..aHi) against b[bLo..bHi): a point (x, y) on some shortest edit
 * path, returned as absolute indices. Null when nothing is shared or the budget ran out.
 */
function bisect(ctx: Ctx, aLo: number, aHi: number, bLo: number, bHi: number): [number, number] | null {
  const { a, b } = ctx;
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const length = 2 * maxD + 2;
  const v1 = new Int32Array(length).fill(-1);
  const v2 = new Int32Array(length).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n - m;
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < maxD; d++) {
    ctx.budget.remaining -= 2 * d + 1;
    if (ctx.budget.remaining <= 0) return null;
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1Offset = offset + k1;
      let x1 =
        k1 === -d || (k1 !== d && v1[k1Offset - 1]! < v1[k1Offset + 1]!) ? v1[k1Offset + 1]! : v1[k1Offset - 1]! + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
        x1++;
        y1++;
      }
      v1[k1Offset] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2Offset = offset + delta - k1;
        if (k2Offset >= 0 && k2Offset < length && v2[k2Offset] !== -1 && x1 >= n - v2[k2Offset]!) {
          return [aLo + x1, bLo + y1];
        }
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2Offset = offset + k2;
      let x2 =
        k2 === -d || (k2 !== d && v2[k2Offset - 1]! < v2[k2Offset + 1]!) ? v2[k2Offset + 1]! : v2[k2Offset - 1]! + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[aHi - x2 - 1] === b[bHi - y2 - 1]) {
        x2++;
        y2++;
      }
      v2[k2Offset] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1Offset = offset + delta - k2;
        if (k1Offset >= 0 && k1Offset < length && v1[k1Offset] !== -1) {
          const x1 = v1[k1Offset]!;
          const y1 = offset + x1 - k1Offset;
          if (x1 >= n - x2) return [aLo + x1, bLo + y1];
        }
      }
    }
  }
  return null;
}
