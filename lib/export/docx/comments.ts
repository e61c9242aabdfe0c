import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  type ICommentOptions,
  type ICommentsOptions,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import { commentBoundaries, resolvedLabel, threadPlaceLabel } from "../comments-appendix";
import type { ExportDocument, ExportThread, Inline } from "../types";

/**
 * Comment threads as real Word comments: the first comment of a thread is anchored on the text the
 * thread covers (CommentRangeStart/End around the runs, a CommentReference after them), its
 * replies are Word replies (w15:paraIdParent in commentsExtended.xml, written by the docx package
 * when a comment has a parentId), and a resolved thread is marked done (w15:done). Threads with no
 * text in the document (deleted text, or a card or comparison) are anchored on the title, with
 * where they were in the comment's first line.
 */

type Placement = { starts: Map<Inline, number[]>; ends: Map<Inline, number[]>; rootIds: Map<number, number> };

// The placement of the document being built: runs() of ./blocks.ts is called from many places
// without a context, and a document's body is built synchronously (like Markdown's export time).
let current: Placement | null = null;

/** Word comment ids of each thread's first comment (replies take the ids after it). */
function rootIds(threads: ExportThread[]): Map<number, number> {
  const ids = new Map<number, number>();
  let next = 0;
  for (const thread of threads) {
    ids.set(thread.n, next);
    next += Math.max(1, thread.comments.length);
  }
  return ids;
}

/** Runs `build` (synchronous) with the document's comment ranges known to `commentRuns`. */
export function withCommentPlacement<T>(doc: ExportDocument, build: () => T): T {
  if (!doc.comments?.length) return build();
  const { starts, ends } = commentBoundaries(doc.blocks);
  current = { starts, ends, rootIds: rootIds(doc.comments) };
  try {
    return build();
  } finally {
    current = null;
  }
}

/** A run's children with the comment ranges that start before it and end after it. */
export function commentRuns(inline: Inline, children: ParagraphChild[]): ParagraphChild[] {
  if (!current) return children;
  const ids = (numbers: number[] | undefined) =>
    (numbers ?? []).flatMap((n) => {
      const id = current?.rootIds.get(n);
      return id === undefined ? [] : [id];
    });
  const open = ids(current.starts.get(inline)).map((id) => new CommentRangeStart(id));
  const close = ids(current.ends.get(inline)).flatMap((id) => [
    new CommentRangeEnd(id),
    new TextRun({ children: [new CommentReference(id)] }),
  ]);
  return [...open, ...children, ...close];
}

/** The title run with the threads that have no text in the document anchored on it. */
export function titleWithComments(doc: ExportDocument, title: ParagraphChild): ParagraphChild[] {
  const unplaced = (doc.comments ?? []).filter((t) => t.placement !== "text");
  if (!unplaced.length) return [title];
  const ids = rootIds(doc.comments ?? []);
  const list = unplaced.map((t) => ids.get(t.n)!);
  return [
    ...list.map((id) => new CommentRangeStart(id)),
    title,
    ...list.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]),
  ];
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((w) => w[0]!.toUpperCase())
    .join("");

function paragraphs(lines: string[]): Paragraph[] {
  return lines.map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

/** The document's `comments` option: every comment of every thread, replies pointing at the first. */
export function wordComments(doc: ExportDocument, xmlSafe: (text: string) => string): ICommentsOptions | undefined {
  const threads = doc.comments ?? [];
  if (!threads.length) return undefined;
  const ids = rootIds(threads);
  const children: ICommentOptions[] = [];
  for (const thread of threads) {
    const root = ids.get(thread.n)!;
    const resolved = thread.resolved !== null;
    thread.comments.forEach((c, i) => {
      const lines: string[] = [];
      // The first comment says where the thread was when Word cannot show it (and its number).
      if (i === 0) {
        const place = thread.placement === "text" ? "" : ` ${threadPlaceLabel(thread)}`;
        lines.push(`[c${thread.n}]${place}`);
      }
      lines.push(...(c.deleted ? ["(comment deleted)"] : c.body.split("\n")));
      if (i === thread.comments.length - 1 && resolved) lines.push(`(${resolvedLabel(thread)})`);
      children.push({
        id: root + i,
        author: xmlSafe(c.author),
        initials: xmlSafe(initials(c.author)),
        date: new Date(c.createdAt),
        children: paragraphs(lines.map(xmlSafe)),
        ...(i > 0 ? { parentId: root } : {}),
        resolved,
      });
    });
  }
  return { children };
}
