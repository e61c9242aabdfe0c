import type { JSONContent } from "@tiptap/core";

// PLACEHOLDER: replaced by the version-diff branch at merge. Only the exported names and types are
// relied on elsewhere; the algorithm below is deliberately naive.

export type InlinePart = { kind: "same" | "insert" | "delete"; text: string; marks?: string[] };
export type BlockChange =
  | { kind: "same"; from: JSONContent; to: JSONContent; fromIndex: number; toIndex: number }
  | { kind: "insert"; to: JSONContent; toIndex: number }
  | { kind: "delete"; from: JSONContent; fromIndex: number }
  | { kind: "change"; from: JSONContent; to: JSONContent; fromIndex: number; toIndex: number; parts: InlinePart[] };
export type DocumentDiff = {
  blocks: BlockChange[];
  stats: { inserted: number; deleted: number; changedBlocks: number };
};

function text(node: JSONContent): string {
  if (node.text) return node.text;
  return (node.content ?? []).map(text).join("");
}

/** Placeholder: top-level blocks compared by JSON; unequal blocks at the same position are "change". */
export function diffDocuments(from: JSONContent, to: JSONContent): DocumentDiff {
  const a = from.content ?? [];
  const b = to.content ?? [];
  const key = (node: JSONContent) => JSON.stringify(node);
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = key(a[i]!) === key(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const blocks: BlockChange[] = [];
  const stats = { inserted: 0, deleted: 0, changedBlocks: 0 };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && key(a[i]!) === key(b[j]!)) {
      blocks.push({ kind: "same", from: a[i]!, to: b[j]!, fromIndex: i++, toIndex: j++ });
    } else if (i < n && j < m && lcs[i + 1]![j + 1] === lcs[i]![j]) {
      const before = text(a[i]!);
      const after = text(b[j]!);
      const parts: InlinePart[] = [
        { kind: "delete", text: before },
        { kind: "insert", text: after },
      ];
      stats.inserted += after.length;
      stats.deleted += before.length;
      stats.changedBlocks++;
      blocks.push({ kind: "change", from: a[i]!, to: b[j]!, fromIndex: i++, toIndex: j++, parts });
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      stats.inserted += text(b[j]!).length;
      blocks.push({ kind: "insert", to: b[j]!, toIndex: j++ });
    } else {
      stats.deleted += text(a[i]!).length;
      blocks.push({ kind: "delete", from: a[i]!, fromIndex: i++ });
    }
  }
  return { blocks, stats };
}
