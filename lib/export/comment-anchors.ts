import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { decodeAnchor } from "@/lib/comments/anchor";
import type { CommentAnchor } from "@/lib/comments/schema";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { editorSchema } from "@/lib/editor/schema";
import { COMMENT_MARK } from "./blocks";

/**
 * Places comment threads in a briefing's exported content. A thread's anchor is two Yjs relative
 * positions (lib/comments/anchor.ts); they are resolved against the same Y.Doc the export's JSON
 * was read from, and both the Yjs tree and the JSON are measured with one position scheme
 * (ProseMirror's: text counts its characters, a leaf node 1, any other node 2 plus its content),
 * so a Yjs position names a place in the JSON. Threads with no usable anchor (made through the API
 * with a quote only) are found by their quote inside one text block. The covered text gets the
 * COMMENT_MARK mark, which blocks.ts turns into Marks.comments.
 */

export type AnchoredThread = { id: string; anchor: CommentAnchor | null; quote: string | null };

/** Where a thread landed: a range of the document, or why it has none. */
export type ThreadPlace = { kind: "range"; from: number; to: number; hasText: boolean } | { kind: "orphaned" };

function isLeaf(name: string): boolean {
  return editorSchema().nodes[name]?.isLeaf ?? false;
}

type Frame = { type: Y.XmlFragment | Y.XmlElement; children: (Y.XmlElement | Y.XmlText)[]; next: number };

/**
 * Positions of a Yjs tree: where each child (element or text) starts, and where each parent's
 * content ends; plus the size of the whole (to check it against the JSON's).
 */
function measureYTree(fragment: Y.XmlFragment) {
  const before = new Map<object, number>();
  const contentStart = new Map<object, number>([[fragment, 0]]);
  const contentEnd = new Map<object, number>();
  const childrenOf = new Map<object, (Y.XmlElement | Y.XmlText)[]>();
  const kids = (type: Y.XmlFragment | Y.XmlElement) =>
    type.toArray().filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText);
  let pos = 0;
  const stack: Frame[] = [{ type: fragment, children: kids(fragment), next: 0 }];
  childrenOf.set(fragment, stack[0]!.children);
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const child = frame.children[frame.next++];
    if (!child) {
      stack.pop();
      contentEnd.set(frame.type, pos);
      if (frame.type !== fragment) pos += 1; // closing token
      continue;
    }
    before.set(child, pos);
    if (child instanceof Y.XmlText) {
      pos += child.length;
    } else if (isLeaf(child.nodeName)) {
      pos += 1;
    } else {
      pos += 1; // opening token
      contentStart.set(child, pos);
      const children = kids(child);
      childrenOf.set(child, children);
      stack.push({ type: child, children, next: 0 });
    }
  }
  return { before, contentStart, contentEnd, childrenOf, size: pos };
}

type Measure = ReturnType<typeof measureYTree>;

/** A resolved Yjs position ({ type, index }) as a document position, or null when it is not in the tree. */
function linear(measure: Measure, at: Y.AbsolutePosition): number | null {
  const { type, index } = at;
  if (type instanceof Y.XmlText) {
    const start = measure.before.get(type);
    return start === undefined ? null : start + Math.min(index, type.length);
  }
  const children = measure.childrenOf.get(type);
  if (!children) return null;
  const child = children[index];
  return child ? (measure.before.get(child) ?? null) : (measure.contentEnd.get(type) ?? null);
}

/** Text runs of the JSON with their positions, grouped by the text block holding them. */
type TextSpan = { node: JSONContent; from: number; parent: JSONContent };

function measureJson(doc: JSONContent): { spans: TextSpan[]; leaves: TextSpan[]; size: number } {
  const spans: TextSpan[] = [];
  const leaves: TextSpan[] = [];
  let pos = 0;
  const stack: { node: JSONContent; next: number }[] = [{ node: doc, next: 0 }];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const child = frame.node.content?.[frame.next++];
    if (!child) {
      stack.pop();
      if (stack.length) pos += 1; // closing token (not for the doc itself)
      continue;
    }
    if (child.type === "text") {
      spans.push({ node: child, from: pos, parent: frame.node });
      pos += child.text?.length ?? 0;
    } else if (isLeaf(child.type ?? "")) {
      leaves.push({ node: child, from: pos, parent: frame.node });
      pos += 1;
    } else {
      pos += 1;
      stack.push({ node: child, next: 0 });
    }
  }
  return { spans, leaves, size: pos };
}

/** The range of a quote inside one text block, or null (first match in document order). */
function findQuote(spans: TextSpan[], quote: string): { from: number; to: number } | null {
  const needle = quote.trim();
  if (!needle) return null;
  for (let i = 0; i < spans.length; ) {
    const parent = spans[i]!.parent;
    const group: TextSpan[] = [];
    while (i < spans.length && spans[i]!.parent === parent) group.push(spans[i++]!);
    const text = group.map((s) => s.node.text ?? "").join("");
    const at = text.indexOf(needle);
    if (at < 0) continue;
    // Offsets in the joined text -> document positions (inline leaves between runs are skipped).
    const position = (offset: number, end: boolean) => {
      let seen = 0;
      for (const s of group) {
        const len = s.node.text?.length ?? 0;
        if (offset < seen + len || (end && offset === seen + len)) return s.from + (offset - seen);
        seen += len;
      }
      return group[group.length - 1]!.from;
    };
    return { from: position(at, false), to: position(at + needle.length, true) };
  }
  return null;
}

function resolveAnchor(doc: Y.Doc, measure: Measure, anchor: CommentAnchor): { from: number; to: number } | null {
  const decoded = decodeAnchor(anchor);
  if (!decoded) return null;
  const from = Y.createAbsolutePositionFromRelativePosition(decoded.from, doc);
  const to = Y.createAbsolutePositionFromRelativePosition(decoded.to, doc);
  if (!from || !to) return null;
  const a = linear(measure, from);
  const b = linear(measure, to);
  return a === null || b === null ? null : { from: a, to: b };
}

/**
 * Splits the text runs of `json` (in place) where thread ranges start and end and marks each
 * piece with the threads covering it; inline leaves (mentions) inside a range are marked whole.
 */
function markRanges(measured: ReturnType<typeof measureJson>, ranges: Map<number, { from: number; to: number }>) {
  const covering = (from: number, to: number) =>
    [...ranges].filter(([, r]) => r.from < to && r.to > from).map(([n]) => n);
  const withMark = (node: JSONContent, threads: number[]): JSONContent =>
    threads.length ? { ...node, marks: [...(node.marks ?? []), { type: COMMENT_MARK, attrs: { threads } }] } : node;
  const cuts = [...new Set([...ranges.values()].flatMap((r) => [r.from, r.to]))].sort((a, b) => a - b);
  const replaced = new Map<JSONContent, JSONContent[]>();
  for (const span of measured.spans) {
    const text = span.node.text ?? "";
    const end = span.from + text.length;
    const inside = cuts.filter((c) => c > span.from && c < end);
    const bounds = [span.from, ...inside, end];
    const pieces: JSONContent[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [a, b] = [bounds[i]!, bounds[i + 1]!];
      pieces.push(withMark({ ...span.node, text: text.slice(a - span.from, b - span.from) }, covering(a, b)));
    }
    replaced.set(span.node, pieces);
  }
  for (const leaf of measured.leaves)
    replaced.set(leaf.node, [withMark(leaf.node, covering(leaf.from, leaf.from + 1))]);
  const parents = new Set([...measured.spans, ...measured.leaves].map((s) => s.parent));
  for (const parent of parents) parent.content = parent.content?.flatMap((c) => replaced.get(c) ?? [c]);
}

/**
 * Finds every thread in the document and marks the text it covers, numbering the placed threads
 * in document order (1, 2, ...) and then the others in the given order. `ydoc` is the document the
 * JSON was read from (null for briefings with no Yjs state: quotes are matched instead). `json`
 * must be a private copy: it is changed in place.
 */
export function placeThreads(
  ydoc: Y.Doc | null,
  json: JSONContent,
  threads: AnchoredThread[],
): { numbers: Map<string, number>; places: Map<string, ThreadPlace> } {
  const measured = measureJson(json);
  const measure = ydoc ? measureYTree(ydoc.getXmlFragment(BRIEFING_FRAGMENT)) : null;
  // A tree the JSON does not mirror (flattened beyond the depth limit): anchors cannot be trusted.
  const trusted = measure !== null && measure.size === measured.size;
  const places = new Map<string, ThreadPlace>();
  for (const thread of threads) {
    let range: { from: number; to: number } | null = null;
    if (thread.anchor && trusted && ydoc) {
      range = resolveAnchor(ydoc, measure, thread.anchor);
      // Its ends met: the commented text was deleted.
      if (range && range.from >= range.to) range = null;
      if (!range) {
        places.set(thread.id, { kind: "orphaned" });
        continue;
      }
    } else if (thread.quote) {
      range = findQuote(measured.spans, thread.quote);
    }
    if (!range) places.set(thread.id, { kind: "orphaned" });
    else {
      const { from, to } = range;
      const hasText = measured.spans.some((s) => s.from < to && s.from + (s.node.text?.length ?? 0) > from);
      places.set(thread.id, { kind: "range", from, to, hasText });
    }
  }
  const placed = threads.filter((t) => places.get(t.id)?.kind === "range");
  const start = (t: AnchoredThread) => {
    const place = places.get(t.id);
    return place?.kind === "range" ? place.from : 0;
  };
  const ordered = [...placed.sort((a, b) => start(a) - start(b)), ...threads.filter((t) => !placed.includes(t))];
  const numbers = new Map(ordered.map((t, i) => [t.id, i + 1]));
  const ranges = new Map<number, { from: number; to: number }>();
  for (const t of placed) {
    const place = places.get(t.id);
    if (place?.kind === "range" && place.hasText) ranges.set(numbers.get(t.id)!, place);
  }
  if (ranges.size) markRanges(measured, ranges);
  return { numbers, places };
}
