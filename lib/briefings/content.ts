import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { BRIEFING_FRAGMENT } from "./ydoc";

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

function elementNode(element: Y.XmlElement): JSONContent {
  const node: JSONContent = { type: element.nodeName };
  const attrs = element.getAttributes();
  if (Object.keys(attrs).length) node.attrs = attrs;
  const children = childNodes(element);
  if (children.length) node.content = children;
  return node;
}

function childNodes(parent: Y.XmlFragment | Y.XmlElement): JSONContent[] {
  return parent.toArray().flatMap((child) => {
    if (child instanceof Y.XmlText) return textNodes(child);
    if (child instanceof Y.XmlElement) return [elementNode(child)];
    return [];
  });
}

/**
 * Reads a briefing's Yjs document as ProseMirror JSON. Unlike y-tiptap's converters it never
 * writes to the document (they delete nodes the schema rejects), so the server can call it on a
 * live document.
 */
export function yDocToProsemirrorJson(doc: Y.Doc): JSONContent {
  return { type: "doc", content: childNodes(doc.getXmlFragment(BRIEFING_FRAGMENT)) };
}

const INLINE_LEAVES: Record<string, (node: JSONContent) => string> = {
  hardBreak: () => "\n",
  frameworkCard: (node) => `[Framework: ${String(node.attrs?.slug ?? "")}]`,
  comparison: (node) => `[Comparison: ${String(node.attrs?.title ?? "")}]`,
  horizontalRule: () => "",
};

function blockText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  const leaf = node.type ? INLINE_LEAVES[node.type] : undefined;
  if (leaf) return leaf(node);
  const children = node.content ?? [];
  const inline = children.every((child) => child.type === "text" || child.type === "hardBreak");
  if (inline) return children.map(blockText).join("");
  const separator = node.type === "tableRow" ? "\t" : "\n";
  return children
    .map(blockText)
    .filter((text) => text !== "")
    .join(separator);
}

/** Plain text of a ProseMirror document: one line per block, table cells separated by tabs. */
export function prosemirrorJsonToText(json: JSONContent): string {
  return blockText(json).trim();
}

/** The derived JSON and plain text of a briefing's Yjs document. */
export function deriveBriefingContent(doc: Y.Doc): BriefingContent {
  const json = yDocToProsemirrorJson(doc);
  return { json, text: prosemirrorJsonToText(json) };
}
