import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { Mappable } from "@tiptap/pm/transform";
import { MENTION_NODE, mentionText } from "./mention-text";

/** A heading of the briefing as the outline lists it. */
export type OutlineEntry = { level: number; text: string; id: string; pos: number };

/** Longest id made from a heading's text (the rest of a long heading adds nothing to a link). */
const MAX_SLUG = 60;

/**
 * The anchor id of a heading text: lower case, letters and digits of any script kept, the rest
 * folded to single hyphens ("Article 5: Collective defence" -> "article-5-collective-defence").
 */
export function headingSlug(text: string): string {
  const slug = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG)
    .replace(/-+$/, "");
  return slug || "section";
}

/**
 * A heading's text as exports read it: text and mentions, line breaks as spaces, footnotes and
 * citations left out (a note's text is not part of the heading's name or its anchor).
 */
export function headingText(node: ProseMirrorNode): string {
  let text = "";
  node.forEach((child) => {
    if (child.isText) text += child.text ?? "";
    else if (child.type.name === "hardBreak") text += " ";
    else if (child.type.name === MENTION_NODE) text += mentionText(child.attrs);
  });
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The briefing's headings in order, each with a unique id (a repeated heading gets "-2", "-3"),
 * so a link to `#background` keeps pointing at the first "Background".
 */
export function outlineOf(doc: ProseMirrorNode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const used = new Map<string, number>();
  doc.descendants((node, pos) => {
    if (node.type.name !== "heading") return !node.isTextblock;
    const text = headingText(node);
    if (!text) return false;
    const base = headingSlug(text);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    entries.push({ level: Number(node.attrs.level) || 1, text, id: seen === 0 ? base : `${base}-${seen + 1}`, pos });
    return false;
  });
  return entries;
}

/**
 * The outline after a change that touched no heading (see `touchesNodes`): the same entries at
 * their new positions. Ids and texts cannot have changed, so no walk of the document is needed.
 */
export function mapOutline(entries: readonly OutlineEntry[], mapping: Mappable): OutlineEntry[] {
  return entries.map((entry) => ({ ...entry, pos: mapping.map(entry.pos) }));
}
