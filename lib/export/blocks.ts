import type { JSONContent } from "@tiptap/core";
import { mentionText } from "@/lib/editor/mention-text";
import { parseCitationSources } from "@/lib/editor/nodes/citation";
import { CALLOUT_TITLES, calloutVariant } from "@/lib/editor/nodes/structure-blocks";
import type { CardInput } from "./cards";
import type { CitedSource } from "./sources";
import type { Block, CardView, Inline, Marks, MatrixView, TableCell } from "./types";
import { safeUrl } from "./urls";

/** How embeds are resolved while the document is converted (synchronously, in document order). */
export type EmbedResolver = {
  card: (input: CardInput) => CardView;
  comparison: (input: { comparisonId: string; title: string }) => MatrixView;
  /** Numbers a citation's sources in the document's Sources list (without it: the citation's label as text). */
  cite?: (sources: CitedSource[]) => number[];
  /** Registers a footnote's text and gives its number (without it: the note's text in brackets). */
  note?: (inlines: Inline[]) => number;
};

type BlockHandler = (node: JSONContent, ctx: EmbedResolver) => Block[];

const str = (value: unknown) => (typeof value === "string" ? value : "");
function int(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/**
 * Not a schema mark: lib/export/comment-anchors.ts puts it on the text a comment thread covers
 * (attrs.threads: thread numbers) in a copy of the document made for an export with comments.
 */
export const COMMENT_MARK = "exportComment";

const MARK_HANDLERS: Record<string, (marks: Marks, attrs: Record<string, unknown>) => void> = {
  bold: (m) => {
    m.bold = true;
  },
  italic: (m) => {
    m.italic = true;
  },
  underline: (m) => {
    m.underline = true;
  },
  strike: (m) => {
    m.strike = true;
  },
  link: (m, attrs) => {
    const href = safeUrl(attrs.href);
    if (href) m.href = href;
  },
  insertion: (m, attrs) => {
    m.suggestion = suggestionOf("insert", attrs);
  },
  deletion: (m, attrs) => {
    m.suggestion = suggestionOf("delete", attrs);
  },
  // Formatting suggestions are not made by the editor (lib/editor/suggestions); nothing to show.
  modification: () => {},
  [COMMENT_MARK]: (m, attrs) => {
    const threads = Array.isArray(attrs.threads) ? attrs.threads.filter((n) => Number.isInteger(n)) : [];
    if (threads.length) m.comments = [...(m.comments ?? []), ...threads].sort((a, b) => a - b);
  },
};

function suggestionOf(kind: "insert" | "delete", attrs: Record<string, unknown>): Marks["suggestion"] {
  return { kind, id: str(attrs.id), author: str(attrs.authorName) || "Unknown", at: str(attrs.at) || null };
}

function marksOf(node: JSONContent): Marks {
  const marks: Marks = {};
  for (const mark of node.marks ?? []) MARK_HANDLERS[mark.type]?.(marks, mark.attrs ?? {});
  return marks;
}

const sameMarks = (a: Marks, b: Marks) =>
  a.bold === b.bold &&
  a.italic === b.italic &&
  a.underline === b.underline &&
  a.strike === b.strike &&
  a.href === b.href &&
  a.suggestion?.kind === b.suggestion?.kind &&
  a.suggestion?.id === b.suggestion?.id &&
  (a.comments ?? []).join() === (b.comments ?? []).join() &&
  a.commentRef === b.commentRef;

const INLINE_HANDLERS: Record<string, (node: JSONContent, ctx?: EmbedResolver) => Inline | null> = {
  text: (node) => (node.text ? { type: "text", text: node.text, marks: marksOf(node) } : null),
  hardBreak: () => ({ type: "break" }),
  // A mention is its "@Name" text in every format.
  mention: (node) => ({ type: "text", text: mentionText(node.attrs), marks: marksOf(node) }),
  citation: (node, ctx) => {
    const sources = parseCitationSources(node.attrs?.sources);
    // Unreadable sources cite nothing, but the reader still sees what was meant.
    if (!sources || !ctx?.cite) return { type: "text", text: `[${str(node.attrs?.label) || "citation"}]`, marks: {} };
    return { type: "cite", refs: ctx.cite(sources) };
  },
  footnote: (node, ctx) => {
    const inlines = inlinesOf(node).filter((i) => i.type === "text" || i.type === "break");
    if (!inlines.length) return null; // an empty note says nothing: no number for it
    if (!ctx?.note) return { type: "text", text: ` [${textOf(node)}]`, marks: {} };
    return { type: "note", n: ctx.note(inlines) };
  },
};

/**
 * The inline content of a textblock; adjacent runs with the same marks are merged. With `ctx`,
 * citations and footnotes are numbered as they are met (document order).
 */
export function inlinesOf(node: JSONContent, ctx?: EmbedResolver): Inline[] {
  const out: Inline[] = [];
  for (const child of node.content ?? []) {
    const handler = child.type ? INLINE_HANDLERS[child.type] : undefined;
    // Anything else inline (from a newer schema) keeps its text.
    const inline = handler ? handler(child, ctx) : plainInline(child);
    if (!inline) continue;
    const last = out[out.length - 1];
    if (inline.type === "text" && last?.type === "text" && sameMarks(last.marks, inline.marks)) {
      last.text += inline.text;
    } else out.push(inline);
  }
  return out;
}

function plainInline(node: JSONContent): Inline | null {
  const text = textOf(node);
  return text ? { type: "text", text, marks: {} } : null;
}

function textOf(node: JSONContent): string {
  if (typeof node.text === "string") return node.text;
  return (node.content ?? []).map(textOf).join("");
}

function children(node: JSONContent, ctx: EmbedResolver): Block[] {
  return (node.content ?? []).flatMap((child) => blocksOf(child, ctx));
}

function listItems(node: JSONContent, ctx: EmbedResolver): Block[][] {
  return (node.content ?? []).map((item) => (item.type === "listItem" ? children(item, ctx) : blocksOf(item, ctx)));
}

function tableRows(node: JSONContent, ctx: EmbedResolver): TableCell[][] {
  return (node.content ?? [])
    .filter((row) => row.type === "tableRow")
    .map((row) =>
      (row.content ?? []).map((cell) => ({
        header: cell.type === "tableHeader",
        colspan: int(cell.attrs?.colspan, 1, 1, 50),
        rowspan: int(cell.attrs?.rowspan, 1, 1, 500),
        blocks: children(cell, ctx),
      })),
    )
    .filter((row) => row.length > 0);
}

const BLOCK_HANDLERS: Record<string, BlockHandler> = {
  doc: (node, ctx) => children(node, ctx),
  paragraph: (node, ctx) => [{ type: "paragraph", inlines: inlinesOf(node, ctx) }],
  heading: (node, ctx) => [
    { type: "heading", level: int(node.attrs?.level, 1, 1, 4) as 1 | 2 | 3 | 4, inlines: inlinesOf(node, ctx) },
  ],
  blockquote: (node, ctx) => [{ type: "blockquote", blocks: children(node, ctx) }],
  bulletList: (node, ctx) => [{ type: "list", ordered: false, start: 1, items: listItems(node, ctx) }],
  orderedList: (node, ctx) => [
    { type: "list", ordered: true, start: int(node.attrs?.start, 1, 0, 999_999), items: listItems(node, ctx) },
  ],
  listItem: (node, ctx) => children(node, ctx),
  horizontalRule: () => [{ type: "rule" }],
  table: (node, ctx) => [{ type: "table", rows: tableRows(node, ctx) }],
  // Rows and cells outside a table (not valid, but a document may hold anything): keep the content.
  tableRow: (node, ctx) => children(node, ctx),
  tableCell: (node, ctx) => children(node, ctx),
  tableHeader: (node, ctx) => children(node, ctx),
  frameworkCard: (node, ctx) => [
    {
      type: "card",
      card: ctx.card({
        slug: str(node.attrs?.slug),
        mode: node.attrs?.mode === "pinned" ? "pinned" : "live",
        pinnedAt: str(node.attrs?.pinnedAt) || null,
        snapshot: str(node.attrs?.snapshot) || null,
      }),
    },
  ],
  tableOfContents: () => [{ type: "toc" }],
  callout: (node, ctx) => {
    const variant = calloutVariant(node.attrs?.variant);
    return [{ type: "callout", variant, title: CALLOUT_TITLES[variant], blocks: children(node, ctx) }];
  },
  comparison: (node, ctx) => [
    {
      type: "matrix",
      matrix: ctx.comparison({ comparisonId: str(node.attrs?.comparisonId), title: str(node.attrs?.title) }),
    },
  ],
};

/** Node and mark types the conversion knows (the schema coverage test compares them with the schema). */
export const HANDLED_NODE_TYPES = [...Object.keys(BLOCK_HANDLERS), ...Object.keys(INLINE_HANDLERS)];
export const HANDLED_MARK_TYPES = Object.keys(MARK_HANDLERS);

/**
 * Converts ProseMirror JSON (a briefing's document) into export blocks. Unknown block types keep
 * their children or, failing that, their text; stray inline nodes become paragraphs.
 */
export function blocksOf(node: JSONContent, ctx: EmbedResolver): Block[] {
  const handler = node.type ? BLOCK_HANDLERS[node.type] : undefined;
  if (handler) return handler(node, ctx);
  if (node.type && INLINE_HANDLERS[node.type])
    return [{ type: "paragraph", inlines: inlinesOf({ content: [node] }, ctx) }];
  if (node.content?.length) return children(node, ctx);
  const text = textOf(node);
  return text ? [{ type: "paragraph", inlines: [{ type: "text", text, marks: {} }] }] : [];
}

/** Every card and comparison node of a document, in order (to load them before converting). */
export function collectEmbeds(doc: JSONContent): { slugs: string[]; comparisonIds: string[] } {
  const slugs: string[] = [];
  const comparisonIds: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.type === "frameworkCard") slugs.push(str(node.attrs?.slug));
    else if (node.type === "comparison") comparisonIds.push(str(node.attrs?.comparisonId));
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return { slugs: slugs.filter(Boolean), comparisonIds: comparisonIds.filter(Boolean) };
}
