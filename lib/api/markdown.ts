import type { JSONContent } from "@tiptap/core";
import MarkdownIt from "markdown-it";

// html: false keeps raw HTML as text; markdown-it's validateLink already drops javascript: URLs.
const parser = new MarkdownIt({ html: false, linkify: true });

type Token = ReturnType<typeof parser.parse>[number];

type Mark = NonNullable<JSONContent["marks"]>[number];

// Block tokens that open a node of the editor schema (lib/editor/extensions.ts).
const BLOCKS: Record<string, (token: Token) => JSONContent> = {
  paragraph_open: () => ({ type: "paragraph", content: [] }),
  heading_open: (t) => ({ type: "heading", attrs: { level: Math.min(4, Number(t.tag.slice(1))) }, content: [] }),
  bullet_list_open: () => ({ type: "bulletList", content: [] }),
  ordered_list_open: (t) => ({ type: "orderedList", attrs: { start: Number(t.attrGet("start") ?? 1) }, content: [] }),
  list_item_open: () => ({ type: "listItem", content: [] }),
  blockquote_open: () => ({ type: "blockquote", content: [] }),
  table_open: () => ({ type: "table", content: [] }),
  tr_open: () => ({ type: "tableRow", content: [] }),
  th_open: () => ({ type: "tableHeader", content: [] }),
  td_open: () => ({ type: "tableCell", content: [] }),
};

const MARKS: Record<string, Mark["type"]> = { strong_open: "bold", em_open: "italic", s_open: "strike" };

/** Inline tokens -> text nodes with marks. Inline code has no mark in the schema: kept as text. */
function inline(tokens: Token[]): JSONContent[] {
  const out: JSONContent[] = [];
  const marks: Mark[] = [];
  const text = (value: string) => {
    if (value)
      out.push({ type: "text", text: value, ...(marks.length ? { marks: marks.map((m) => ({ ...m })) } : {}) });
  };
  for (const token of tokens) {
    const mark = MARKS[token.type];
    if (mark) marks.push({ type: mark });
    else if (token.type === "link_open")
      marks.push({ type: "link", attrs: { href: String(token.attrGet("href") ?? "") } });
    else if (token.type.endsWith("_close")) marks.pop();
    else if (token.type === "hardbreak") out.push({ type: "hardBreak" });
    else if (token.type === "softbreak") text(" ");
    else if (token.type === "image") text(token.content || String(token.attrGet("src") ?? ""));
    else text(token.content);
  }
  return out;
}

// Node types whose content must start with (listItem) or hold at least one (others) paragraph.
const NEEDS_BLOCK = new Set(["listItem", "blockquote", "tableHeader", "tableCell"]);

function close(node: JSONContent): JSONContent {
  const content = node.content ?? [];
  if (node.type === "listItem" && content[0]?.type !== "paragraph") content.unshift({ type: "paragraph" });
  if (NEEDS_BLOCK.has(node.type ?? "") && content.length === 0) content.push({ type: "paragraph" });
  if (node.type === "paragraph" || node.type === "heading") {
    return content.length ? node : { type: node.type, ...(node.attrs ? { attrs: node.attrs } : {}) };
  }
  return node;
}

/**
 * Markdown -> the editor's ProseMirror JSON: headings (h5/h6 become h4), paragraphs, bold, italic,
 * strike, links, lists, blockquotes, rules and tables. Code has no node in the schema (on purpose,
 * see lib/editor/extensions.ts), so code blocks become paragraphs and inline code plain text.
 */
export function markdownToProsemirror(markdown: string): JSONContent {
  const root: JSONContent = { type: "doc", content: [] };
  const stack: JSONContent[] = [root];
  const top = () => stack[stack.length - 1] as JSONContent;
  const append = (node: JSONContent) => top().content?.push(node);
  for (const token of parser.parse(markdown, {})) {
    const open = BLOCKS[token.type];
    if (open) stack.push(open(token));
    else if (token.nesting === -1 && BLOCKS[token.type.replace(/_close$/, "_open")]) {
      const node = stack.pop() as JSONContent;
      append(close(node));
    } else if (token.type === "inline") {
      const nodes = inline(token.children ?? []);
      const parent = top().type;
      // Table cells hold blocks; markdown-it puts their text straight in the cell.
      if (parent === "tableHeader" || parent === "tableCell") append(close({ type: "paragraph", content: nodes }));
      else top().content?.push(...nodes);
    } else if (token.type === "hr") append({ type: "horizontalRule" });
    else if (token.type === "fence" || token.type === "code_block" || token.type === "html_block") {
      for (const line of token.content.replace(/\n$/, "").split("\n")) {
        append(line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" });
      }
    }
  }
  if (!root.content?.length) root.content = [{ type: "paragraph" }];
  return root;
}
