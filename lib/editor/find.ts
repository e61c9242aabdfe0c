import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

/** How the find bar matches: case and whole words. */
export type FindOptions = { caseSensitive: boolean; wholeWord: boolean };

/** A match as document positions (from inclusive, to exclusive). */
export type FindMatch = { from: number; to: number };

/** Enough for any real search; a one-letter query in a 100-page briefing stops here. */
export const MAX_FIND_MATCHES = 5000;

/** Longest query accepted (longer text is not something anyone searches for). */
export const MAX_FIND_QUERY = 500;

// Inline nodes that are not text (a hard break, an embed) stand for one position: a character
// that no query typed into a text field can contain keeps matches from running across them.
const OBJECT = "\uFFFC";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The regular expression a query becomes; null when there is nothing to look for. */
export function findPattern(query: string, options: FindOptions): RegExp | null {
  if (!query || query.length > MAX_FIND_QUERY) return null;
  const body = escapeRegExp(query);
  // Word characters in any script: "Éire" is one word, and so is "北约".
  const source = options.wholeWord ? `(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])` : body;
  return new RegExp(source, options.caseSensitive ? "gu" : "giu");
}

/**
 * Every match of `query` in the document's text, in document order. Matches stay inside one
 * text block (a paragraph, a heading, a table cell's paragraph), like in word processors.
 */
export function findMatches(doc: ProseMirrorNode, query: string, options: FindOptions): FindMatch[] {
  const pattern = findPattern(query, options);
  if (!pattern) return [];
  const matches: FindMatch[] = [];
  doc.descendants((node, pos) => {
    if (matches.length >= MAX_FIND_MATCHES) return false;
    if (!node.isTextblock) return true;
    let text = "";
    node.forEach((child) => {
      text += child.isText ? (child.text ?? "") : OBJECT.repeat(child.nodeSize);
    });
    // Inside a text block, the position of the character at index i is start + i: text counts
    // UTF-16 units exactly as ProseMirror positions do.
    const start = pos + 1;
    for (const match of text.matchAll(pattern)) {
      if (match[0].length === 0) continue;
      matches.push({ from: start + match.index, to: start + match.index + match[0].length });
      if (matches.length >= MAX_FIND_MATCHES) break;
    }
    return false;
  });
  return matches;
}
