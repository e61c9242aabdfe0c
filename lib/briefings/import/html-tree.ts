import type { JSONContent } from "@tiptap/core";

type Mark = NonNullable<JSONContent["marks"]>[number];

/** What an imported file held that the editor cannot: counted, then reported to the user. */
export type Dropped = { images: number; other: Set<string> };

// Elements that open a block of the editor schema (lib/editor/extensions.ts).
const BLOCKS: Record<string, (el: Element) => JSONContent> = {
  p: () => ({ type: "paragraph", content: [] }),
  h1: () => ({ type: "heading", attrs: { level: 1 }, content: [] }),
  h2: () => ({ type: "heading", attrs: { level: 2 }, content: [] }),
  h3: () => ({ type: "heading", attrs: { level: 3 }, content: [] }),
  h4: () => ({ type: "heading", attrs: { level: 4 }, content: [] }),
  h5: () => ({ type: "heading", attrs: { level: 4 }, content: [] }),
  h6: () => ({ type: "heading", attrs: { level: 4 }, content: [] }),
  ul: () => ({ type: "bulletList", content: [] }),
  ol: () => ({ type: "orderedList", attrs: { start: 1 }, content: [] }),
  li: () => ({ type: "listItem", content: [] }),
  blockquote: () => ({ type: "blockquote", content: [] }),
  table: () => ({ type: "table", content: [] }),
  tr: () => ({ type: "tableRow", content: [] }),
  th: () => ({ type: "tableHeader", content: [] }),
  td: () => ({ type: "tableCell", content: [] }),
};

const MARKS: Record<string, Mark["type"]> = {
  strong: "bold",
  b: "bold",
  em: "italic",
  i: "italic",
  u: "underline",
  s: "strike",
  del: "strike",
  strike: "strike",
};

// Containers whose children are blocks; text directly inside gets a paragraph around it.
const HOLDS_BLOCKS = new Set(["doc", "listItem", "blockquote", "tableHeader", "tableCell"]);

const SAFE_HREF = /^(https?:|mailto:)/i;

/** Walks a parsed (X)HTML tree into the editor's ProseMirror JSON. */
class Builder {
  readonly root: JSONContent = { type: "doc", content: [] };
  readonly dropped: Dropped = { images: 0, other: new Set() };
  private readonly stack: JSONContent[] = [this.root];
  private readonly marks: Mark[] = [];
  /** A paragraph opened for loose text in a block container. */
  private loose: JSONContent | null = null;

  private top(): JSONContent {
    return this.stack[this.stack.length - 1] as JSONContent;
  }

  private inlineTarget(): JSONContent {
    const top = this.top();
    if (!HOLDS_BLOCKS.has(top.type ?? "")) return top;
    if (!this.loose) {
      this.loose = { type: "paragraph", content: [] };
      top.content?.push(this.loose);
    }
    return this.loose;
  }

  private text(value: string) {
    const collapsed = value.replace(/\s+/g, " ");
    if (!collapsed.trim() && HOLDS_BLOCKS.has(this.top().type ?? "") && !this.loose) return;
    const marks = this.marks.length ? { marks: this.marks.map((m) => ({ ...m })) } : {};
    this.inlineTarget().content?.push({ type: "text", text: collapsed, ...marks });
  }

  walk(node: Node) {
    if (node.nodeType === 3 || node.nodeType === 4) return this.text(node.nodeValue ?? "");
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    const block = BLOCKS[tag];
    if (block) {
      this.loose = null;
      const opened = block(el);
      if (tag === "ol") opened.attrs = { start: Number(el.getAttribute("start")) || 1 };
      this.stack.push(opened);
      this.children(el);
      this.stack.pop();
      this.loose = null;
      this.top().content?.push(opened);
      return;
    }
    if (tag === "br") return void this.inlineTarget().content?.push({ type: "hardBreak" });
    if (tag === "hr") return void this.top().content?.push({ type: "horizontalRule" });
    if (tag === "img") {
      this.dropped.images++;
      return;
    }
    const mark = MARKS[tag];
    const href = tag === "a" ? (el.getAttribute("href") ?? "") : "";
    const pushed: Mark | null = mark ? { type: mark } : SAFE_HREF.test(href) ? { type: "link", attrs: { href } } : null;
    if (pushed) this.marks.push(pushed);
    else if (
      !["a", "span", "sup", "sub", "div", "section", "body", "html", "root", "thead", "tbody", "tfoot"].includes(tag)
    )
      this.dropped.other.add(tag);
    this.children(el);
    if (pushed) this.marks.pop();
  }

  private children(el: Element) {
    for (let child = el.firstChild; child; child = child.nextSibling) this.walk(child);
  }
}

// Node types whose content must start with (listItem) or hold at least one (others) paragraph.
const NEEDS_BLOCK = new Set(["listItem", "blockquote", "tableHeader", "tableCell"]);

// Blocks dropped when nothing was left inside them (a paragraph that only held an image).
const EMPTY_DROPS = new Set(["paragraph", "bulletList", "orderedList", "table", "tableRow"]);

/** Fixes what the schema requires: no empty containers, trimmed text, no empty text nodes. */
function tidy(node: JSONContent): JSONContent {
  if (node.type === "text" || !node.content) return node;
  const content = (node.content ?? [])
    .map(tidy)
    .filter(
      (child) => (child.type !== "text" || child.text) && (!EMPTY_DROPS.has(child.type ?? "") || child.content?.length),
    );
  if (node.type === "paragraph" || node.type === "heading") {
    const first = content[0];
    if (first?.type === "text" && first.text) first.text = first.text.replace(/^ +/, "");
    const last = content[content.length - 1];
    if (last?.type === "text" && last.text) last.text = last.text.replace(/ +$/, "");
    const kept = content.filter((child) => child.type !== "text" || child.text);
    return kept.length ? { ...node, content: kept } : { type: node.type, ...(node.attrs ? { attrs: node.attrs } : {}) };
  }
  if (node.type === "listItem" && content[0]?.type !== "paragraph") content.unshift({ type: "paragraph" });
  if (NEEDS_BLOCK.has(node.type ?? "") && content.length === 0) content.push({ type: "paragraph" });
  return { ...node, content };
}

/** A parsed HTML tree (its root element) -> ProseMirror JSON, and what had to be left out. */
export function htmlTreeToProsemirror(root: Node): { content: JSONContent; dropped: Dropped } {
  const builder = new Builder();
  builder.walk(root);
  const content = tidy(builder.root);
  if (!content.content?.length) content.content = [{ type: "paragraph" }];
  return { content, dropped: builder.dropped };
}
