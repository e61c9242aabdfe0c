import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { MAX_DOCUMENT_DEPTH } from "@/lib/editor/depth";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { mentionText } from "@/lib/editor/mention-text";

/** The derived, read-only views of a briefing kept next to its Yjs state. */
export type BriefingContent = { json: JSONContent; text: string };

// y-prosemirror stores marks that may overlap (excludes: "") as "<name>--<hash>".
function markName(attribute: string): string {
  return attribute.split("--")[0] ?? attribute;
}

function textNodes(text: Y.XmlText): JSONContent[] {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, Record<string, unknown>> }[];
  return delta.flatMap((op) => {
    if (typeof op.insert !== "string") return [];
    const node: JSONContent = { type: "text", text: op.insert };
    if (op.attributes) {
      node.marks = Object.entries(op.attributes).map(([name, attrs]) =>
        attrs && Object.keys(attrs).length ? { type: markName(name), attrs } : { type: markName(name) },
      );
    }
    return [node];
  });
}

/** Plain attribute values only: a Yjs type stored as an attribute is not part of the schema. */
function plainAttributes(element: Y.XmlElement): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(element.getAttributes() as Record<string, unknown>)) {
    if (!(value instanceof Y.AbstractType)) attrs[name] = value;
  }
  return attrs;
}

/** The text of everything under `element`, in document order, as text nodes (iterative). */
function flattenedText(element: Y.XmlElement): JSONContent[] {
  const out: JSONContent[] = [];
  const stack: (Y.XmlElement | Y.XmlText)[] = [element];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node instanceof Y.XmlText) {
      out.push(...textNodes(node));
      continue;
    }
    const children = node.toArray();
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) stack.push(child);
    }
  }
  return out;
}

type Frame = { parent: Y.XmlFragment | Y.XmlElement; out: JSONContent[]; depth: number };

/**
 * Reads a Yjs tree as ProseMirror JSON with an explicit stack, so a crafted document thousands of
 * levels deep cannot overflow the call stack. An element at `maxDepth` keeps the text of everything
 * beneath it as its own text (documents stored before the server refused such updates).
 */
function treeToJson(root: Y.XmlFragment, maxDepth: number, onFlattened: (element: Y.XmlElement) => void) {
  const content: JSONContent[] = [];
  const withChildren: JSONContent[] = [];
  const stack: Frame[] = [{ parent: root, out: content, depth: 0 }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const depth = frame.depth + 1;
    for (const child of frame.parent.toArray()) {
      if (child instanceof Y.XmlText) frame.out.push(...textNodes(child));
      if (!(child instanceof Y.XmlElement)) continue;
      const node: JSONContent = { type: child.nodeName };
      const attrs = plainAttributes(child);
      if (Object.keys(attrs).length) node.attrs = attrs;
      frame.out.push(node);
      if (child.length === 0) continue;
      if (depth >= maxDepth) {
        onFlattened(child);
        node.content = flattenedText(child);
      } else {
        node.content = [];
        stack.push({ parent: child, out: node.content, depth });
      }
      withChildren.push(node);
    }
  }
  // As before: an element with no children has no `content` at all.
  for (const node of withChildren) if (!node.content?.length) delete node.content;
  return content;
}

/**
 * Reads a briefing's Yjs document as ProseMirror JSON. Unlike y-tiptap's converters it never
 * writes to the document (they delete nodes the schema rejects), so the server can call it on a
 * live document. At most MAX_DOCUMENT_DEPTH levels deep: deeper elements are flattened into their
 * ancestor at the limit, and `onFlattened` hears of each such ancestor.
 */
export function yDocToProsemirrorJson(
  doc: Y.Doc,
  onFlattened: (element: Y.XmlElement) => void = () => {},
): JSONContent {
  return { type: "doc", content: treeToJson(doc.getXmlFragment(BRIEFING_FRAGMENT), MAX_DOCUMENT_DEPTH, onFlattened) };
}

const INLINE_LEAVES: Record<string, (node: JSONContent) => string> = {
  hardBreak: () => "\n",
  frameworkCard: (node) => `[Framework: ${String(node.attrs?.slug ?? "")}]`,
  comparison: (node) => `[Comparison: ${String(node.attrs?.title ?? "")}]`,
  horizontalRule: () => "",
  mention: (node) => mentionText(node.attrs),
  // A footnote's text stays searchable, set apart from the sentence it annotates.
  footnote: (node) => ` [${(node.content ?? []).map((c) => c.text ?? "").join("")}]`,
  citation: (node) => `[${String(node.attrs?.label ?? "")}]`,
  tableOfContents: () => "",
};

const INLINE_TYPES = new Set(["text", "hardBreak", "mention", "footnote", "citation"]);

function isInline(node: JSONContent): boolean {
  return INLINE_TYPES.has(node.type ?? "");
}

/** A leaf's own text, or null for a node whose text comes from its children. */
function leafText(node: JSONContent): string | null {
  if (node.type === "text") return node.text ?? "";
  const leaf = node.type ? INLINE_LEAVES[node.type] : undefined;
  if (leaf) return leaf(node);
  const children = node.content ?? [];
  if (children.every(isInline)) return children.map((child) => leafText(child) ?? "").join("");
  return null;
}

type TextFrame = { node: JSONContent; parts: string[]; next: number; into: string[] | null };

/** Plain text of a ProseMirror document: one line per block, table cells separated by tabs. */
export function prosemirrorJsonToText(json: JSONContent): string {
  // Post-order with an explicit stack: a block's text is its children's texts joined.
  const result: string[] = [];
  const stack: TextFrame[] = [{ node: json, parts: [], next: 0, into: null }];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const own = frame.next === 0 ? leafText(frame.node) : null;
    const children = frame.node.content ?? [];
    if (own === null && frame.next < children.length) {
      const child = children[frame.next++]!;
      stack.push({ node: child, parts: [], next: 0, into: frame.parts });
      continue;
    }
    stack.pop();
    const separator = frame.node.type === "tableRow" ? "\t" : "\n";
    const text = own ?? frame.parts.filter((part) => part !== "").join(separator);
    (frame.into ?? result).push(text);
  }
  return (result[0] ?? "").trim();
}

/**
 * The derived JSON and plain text of a briefing's Yjs document. A document nested deeper than
 * MAX_DOCUMENT_DEPTH (stored before the server refused such updates) is derived flattened at the
 * limit, with a note in the server log naming the briefing.
 */
export function deriveBriefingContent(doc: Y.Doc, briefingId = "(unnamed)"): BriefingContent {
  const json = briefingJson(doc, briefingId);
  return { json, text: prosemirrorJsonToText(json) };
}

/** yDocToProsemirrorJson, logging when the document had to be flattened. */
export function briefingJson(doc: Y.Doc, briefingId: string): JSONContent {
  let flattened = 0;
  const json = yDocToProsemirrorJson(doc, () => flattened++);
  if (flattened) {
    console.warn(
      `[briefing content] briefing ${briefingId} nests deeper than ${MAX_DOCUMENT_DEPTH} levels: ` +
        `${flattened} element(s) at the limit are shown with their deeper content flattened into them`,
    );
  }
  return json;
}
