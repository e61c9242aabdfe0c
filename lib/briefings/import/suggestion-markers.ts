import type { JSONContent } from "@tiptap/core";
import { DELETION_MARK, externalAuthorId, INSERTION_MARK } from "@/lib/editor/suggestions/marks";
import { newSuggestionId } from "@/lib/editor/suggestions/transform";
import { MARK_END, MARK_SEP, MARK_START, type TrackedChange } from "./tracked-changes";

const TOKEN = new RegExp(`${MARK_START}(\\d+)${MARK_SEP}|${MARK_END}`, "g");

function isoOrNull(date: string | null): string | null {
  if (!date) return null;
  const time = Date.parse(date);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

type Piece = { author: string; date: string | null; id: string };

/**
 * Spaces at a paragraph's ends are trimmed by the HTML step, but not when a marker stood before
 * them: trimmed again once the markers are gone.
 */
function trimmed(content: JSONContent[]): JSONContent[] {
  const out = [...content];
  const first = out[0];
  if (first?.type === "text") out[0] = { ...first, text: (first.text ?? "").replace(/^ +/, "") };
  const last = out[out.length - 1];
  if (last?.type === "text") out[out.length - 1] = { ...last, text: (last.text ?? "").replace(/ +$/, "") };
  return out.filter((node) => node.type !== "text" || node.text);
}

/**
 * Turns the markers rewriteTrackedChanges left around each kept change's text into suggestion
 * marks. Word writes a replacement as a deletion and an insertion side by side; as in the editor,
 * adjacent changes by the same author at the same time are one suggestion (one id), and the two
 * halves of a paragraph-break change share theirs. Authors keep their Word names (see
 * externalAuthorId). Returns the authors' names and how many suggestions there are.
 */
export function markersToSuggestions(
  content: JSONContent,
  changes: TrackedChange[],
  newId: () => string = newSuggestionId,
): { content: JSONContent; authors: string[]; suggestions: number } {
  const idOf = new Map<number, string>();
  const authors = new Set<string>();
  const used = new Set<string>();

  function inlines(nodes: JSONContent[]): JSONContent[] {
    const out: JSONContent[] = [];
    let open: { change: TrackedChange; id: string } | null = null;
    let previous: Piece | null = null;
    const emit = (node: JSONContent, text: string) => {
      if (!text) return;
      const marks = [...(node.marks ?? [])];
      if (open) {
        const { change, id } = open;
        used.add(id);
        authors.add(change.author);
        marks.push({
          type: change.kind === "insert" ? INSERTION_MARK : DELETION_MARK,
          attrs: {
            id,
            authorId: externalAuthorId(change.author),
            authorName: change.author,
            at: isoOrNull(change.date),
          },
        });
      } else previous = null;
      out.push({ ...node, text, ...(marks.length ? { marks } : {}) });
    };
    for (const node of nodes) {
      if (node.type !== "text") {
        if (!open) previous = null;
        out.push(node);
        continue;
      }
      const text = node.text ?? "";
      let last = 0;
      for (const token of text.matchAll(TOKEN)) {
        emit(node, text.slice(last, token.index));
        last = token.index + token[0].length;
        if (token[1] === undefined) {
          if (open) previous = { author: open.change.author, date: open.change.date, id: open.id };
          open = null;
          continue;
        }
        const n = Number(token[1]);
        const change = changes[n];
        if (!change) continue;
        const joins: boolean = previous !== null && previous.author === change.author && previous.date === change.date;
        const id: string = idOf.get(n) ?? (joins && previous ? previous.id : newId());
        idOf.set(n, id);
        open = { change, id };
      }
      emit(node, text.slice(last));
    }
    return out;
  }

  function walk(node: JSONContent): JSONContent {
    if (!node.content) return node;
    if (node.content.some((child) => child.type === "text")) {
      const content = trimmed(inlines(node.content));
      if (content.length) return { ...node, content };
      const { content: _empty, ...rest } = node;
      return rest;
    }
    return { ...node, content: node.content.map(walk) };
  }

  const result = walk(content);
  return { content: result, authors: [...authors].sort((a, b) => a.localeCompare(b)), suggestions: used.size };
}
