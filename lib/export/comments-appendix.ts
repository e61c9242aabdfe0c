import type { Block, ExportDocument, ExportThread, Inline } from "./types";

// No database in here: the export worker threads render with it.

type TextInline = Extract<Inline, { type: "text" }>;

/** Every inline array of a block tree, rebuilt through `map` (in document order). */
function mapInlines(blocks: Block[], map: (inlines: Inline[]) => Inline[]): Block[] {
  return blocks.map((block): Block => {
    switch (block.type) {
      case "heading":
      case "paragraph":
        return { ...block, inlines: map(block.inlines) };
      case "list":
        return { ...block, items: block.items.map((item) => mapInlines(item, map)) };
      case "blockquote":
        return { ...block, blocks: mapInlines(block.blocks, map) };
      case "table":
        return {
          ...block,
          rows: block.rows.map((row) => row.map((cell) => ({ ...cell, blocks: mapInlines(cell.blocks, map) }))),
        };
      default:
        return block;
    }
  });
}

/**
 * Where each thread's marked text starts and ends: the first and the last run carrying its number,
 * in document order (a range may span several blocks).
 */
export function commentBoundaries(blocks: Block[]): { starts: Map<Inline, number[]>; ends: Map<Inline, number[]> } {
  const first = new Map<number, Inline>();
  const last = new Map<number, Inline>();
  mapInlines(blocks, (inlines) => {
    for (const inline of inlines) {
      if (inline.type !== "text") continue;
      for (const n of inline.marks.comments ?? []) {
        if (!first.has(n)) first.set(n, inline);
        last.set(n, inline);
      }
    }
    return inlines;
  });
  const group = (byThread: Map<number, Inline>) => {
    const out = new Map<Inline, number[]>();
    for (const [n, inline] of byThread) out.set(inline, [...(out.get(inline) ?? []), n]);
    return out;
  };
  return { starts: group(first), ends: group(last) };
}

const text = (value: string, marks: TextInline["marks"] = {}): TextInline => ({ type: "text", text: value, marks });

/** "On “quote”", or where the thread was when it has no text in the document. */
export function threadPlaceLabel(thread: ExportThread): string {
  const quote = thread.quote ? `“${thread.quote}”` : "";
  if (thread.placement === "orphaned") return quote ? `On text since deleted: ${quote}` : "On text since deleted";
  if (thread.placement === "embed") return `On an embedded card or comparison${quote ? `: ${quote}` : ""}`;
  return quote ? `On ${quote}` : "";
}

/** "Resolved by Ada Lovelace, 27 November 2026, 12:00 UTC", or "" when open. */
export function resolvedLabel(thread: ExportThread): string {
  if (!thread.resolved) return "";
  return `Resolved${thread.resolved.by ? ` by ${thread.resolved.by}` : ""}, ${thread.resolved.at}`;
}

function bodyInlines(body: string): Inline[] {
  return body.split("\n").flatMap((line, i): Inline[] => (i ? [{ type: "break" }, text(line)] : [text(line)]));
}

/** The "Comments" appendix: per thread its number, place, state, then each comment with author and time. */
export function commentsAppendix(threads: ExportThread[]): Block[] {
  if (!threads.length) return [];
  const blocks: Block[] = [{ type: "heading", level: 1, inlines: [text("Comments")] }];
  for (const thread of threads) {
    const head: Inline[] = [text(`[c${thread.n}]`, { bold: true })];
    const place = threadPlaceLabel(thread);
    if (place) head.push(text(` ${place}`));
    const resolved = resolvedLabel(thread);
    head.push(text(resolved ? ` (${resolved})` : " (Open)", { italic: true }));
    blocks.push({ type: "paragraph", inlines: head });
    blocks.push({
      type: "list",
      ordered: false,
      start: 1,
      items: thread.comments.map((c) => [
        {
          type: "paragraph",
          inlines: [
            text(c.author, { bold: true }),
            text(` · ${c.at}${c.edited && !c.deleted ? " (edited)" : ""}`),
            { type: "break" },
            ...(c.deleted ? [text("Comment deleted", { italic: true })] : bodyInlines(c.body)),
          ],
        },
      ]),
    });
  }
  return blocks;
}

/**
 * The document as HTML, Markdown and PDF show comments: a "[c3]" mark after the last run each
 * thread covers, and the Comments appendix after the text. Unchanged without comments.
 */
export function withCommentMarks(doc: ExportDocument): ExportDocument {
  if (!doc.comments?.length) return doc;
  const { ends } = commentBoundaries(doc.blocks);
  const blocks = mapInlines(doc.blocks, (inlines) =>
    inlines.flatMap((inline) => {
      const closing = ends.get(inline);
      if (!closing) return [inline];
      return [inline, ...closing.sort((a, b) => a - b).map((n) => text(`[c${n}]`, { commentRef: n }))];
    }),
  );
  return { ...doc, blocks: [...blocks, ...commentsAppendix(doc.comments)] };
}
