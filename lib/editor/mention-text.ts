import type { JSONContent } from "@tiptap/core";

export const MENTION_NODE = "mention";

/**
 * How a mention reads as text everywhere (editor copy, plain text, exports): "@" and the name it
 * was given when inserted. Never the user id: without a label it reads "@someone".
 */
export function mentionText(attrs: Record<string, unknown> | undefined): string {
  const label = typeof attrs?.label === "string" ? attrs.label.trim() : "";
  return `@${label || "someone"}`;
}

/** The user ids mentioned in a ProseMirror JSON document (iterative: documents can be deep). */
export function mentionedUserIds(doc: JSONContent): Set<string> {
  const ids = new Set<string>();
  const stack: JSONContent[] = [doc];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === MENTION_NODE && typeof node.attrs?.id === "string" && node.attrs.id) ids.add(node.attrs.id);
    if (node.content) stack.push(...node.content);
  }
  return ids;
}
