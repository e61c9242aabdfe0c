import { Mark, mergeAttributes } from "@tiptap/core";
import { userColor } from "@/lib/collab/user-color";

/** Mark names the suggest-changes package looks up in the schema (it hard-codes them). */
export const INSERTION_MARK = "insertion";
export const DELETION_MARK = "deletion";
export const MODIFICATION_MARK = "modification";
export const SUGGESTION_MARKS = [INSERTION_MARK, DELETION_MARK, MODIFICATION_MARK] as const;

/** Who suggested a change and when (stored on every suggestion mark, so it survives export and reload). */
export type SuggestionAuthor = { id: string; name: string };

/**
 * Suggestions imported from Word carry their Word author's name with an author id in this form,
 * never a user's id: a name in a file proves nothing, so an import cannot attribute text to a
 * user of this install. Colours, "by author" filters and review work on it like on a user id.
 */
export function externalAuthorId(name: string): string {
  return `word:${name}`;
}

/** True for an author id made by externalAuthorId (a Word author, not a user here). */
export function isExternalAuthor(authorId: string | null | undefined): boolean {
  return typeof authorId === "string" && authorId.startsWith("word:");
}

const str = (value: string | null) => value ?? null;

/**
 * Attributes of a suggestion mark. `id` groups the pieces of one suggestion (a replacement is a
 * deletion and an insertion with the same id); authorship is on the mark itself rather than in a
 * side table so that the shared Yjs document, exports and the server see the same thing.
 */
function suggestionAttributes() {
  return {
    id: {
      default: null,
      parseHTML: (el: HTMLElement) => str(el.getAttribute("data-suggestion-id")),
      renderHTML: (a: Record<string, unknown>) => ({ "data-suggestion-id": String(a.id ?? "") }),
    },
    authorId: {
      default: null,
      parseHTML: (el: HTMLElement) => str(el.getAttribute("data-author-id")),
      // The author's colour (the same as their caret) as a CSS variable the underline/strike use.
      renderHTML: (a: Record<string, unknown>) =>
        a.authorId
          ? { "data-author-id": String(a.authorId), style: `--suggestion-color: ${userColor(String(a.authorId))}` }
          : {},
    },
    authorName: {
      default: null,
      parseHTML: (el: HTMLElement) => str(el.getAttribute("data-author")),
      renderHTML: (a: Record<string, unknown>) => (a.authorName ? { "data-author": String(a.authorName) } : {}),
    },
    /** ISO time of the suggestion (its first piece). */
    at: {
      default: null,
      parseHTML: (el: HTMLElement) => str(el.getAttribute("data-at")),
      renderHTML: (a: Record<string, unknown>) => (a.at ? { "data-at": String(a.at) } : {}),
    },
  };
}

/** Suggested text: shown underlined in the author's colour, kept on accept, removed on reject. */
export const InsertionMark = Mark.create({
  name: INSERTION_MARK,
  inclusive: false,
  excludes: "insertion deletion modification",
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: "ins[data-suggestion-id]" }],
  renderHTML: ({ HTMLAttributes }) => [
    "ins",
    mergeAttributes({ class: "suggestion suggestion--insert" }, HTMLAttributes),
    0,
  ],
});

/** Text suggested for removal: shown struck through, removed on accept, kept on reject. */
export const DeletionMark = Mark.create({
  name: DELETION_MARK,
  inclusive: false,
  excludes: "insertion deletion modification",
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: "del[data-suggestion-id]" }],
  renderHTML: ({ HTMLAttributes }) => [
    "del",
    mergeAttributes({ class: "suggestion suggestion--delete" }, HTMLAttributes),
    0,
  ],
});

/**
 * Required by the suggest-changes package (it refuses a schema without it). Formatting and
 * attribute suggestions are not offered yet (see lib/editor/suggestions/transform.ts), so documents
 * never carry it; it is in the schema so the package works and a pasted one is kept, not dropped.
 */
export const ModificationMark = Mark.create({
  name: MODIFICATION_MARK,
  inclusive: false,
  excludes: "insertion deletion",
  addAttributes: () => ({
    ...suggestionAttributes(),
    type: { default: "attr" },
    attrName: { default: null },
    previousValue: { default: null },
    newValue: { default: null },
  }),
  parseHTML: () => [{ tag: "span[data-modification]" }],
  renderHTML: ({ HTMLAttributes }) => ["span", mergeAttributes({ "data-modification": "" }, HTMLAttributes), 0],
});
