import { Node as PmNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import * as Y from "yjs";
import { deriveBriefingContent } from "@/lib/briefings/doc/content";
import { CLOSE } from "@/lib/collab/protocol";
import { editorSchema } from "@/lib/editor/schema";
import { DELETION_MARK, INSERTION_MARK } from "@/lib/editor/suggestions/marks";
import { reviewAll } from "@/lib/editor/suggestions/review";
import { UpdateRefused } from "./update-guard";

/** The ProseMirror document of a Yjs document, read without touching it (null: not in the schema). */
function pmDoc(doc: Y.Doc): PmNode | null {
  try {
    return PmNode.fromJSON(editorSchema(), deriveBriefingContent(doc).json);
  } catch {
    return null;
  }
}

/**
 * The document with every suggestion rejected, as comparable text: what the briefing says apart
 * from pending suggestions. Zero-width anchors are left out (rejecting a suggested deletion keeps
 * the anchor the package put at a block boundary).
 */
function base(doc: PmNode): string {
  const rejected = reviewAll(EditorState.create({ schema: doc.type.schema, doc }), false)?.doc ?? doc;
  const json = rejected.toJSON() as { content?: { type: string; content?: unknown }[] };
  // The editor adds an empty paragraph after a final table or card by itself (TrailingNode): not an edit.
  const blocks = [...(json.content ?? [])];
  while (blocks.length > 1 && blocks.at(-1)?.type === "paragraph" && !blocks.at(-1)?.content) blocks.pop();
  return JSON.stringify(blocks).replace(/\u200B/g, "");
}

/** Every (suggestion id, author id) pair of a document. */
function authorship(doc: PmNode): Set<string> {
  const pairs = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === INSERTION_MARK || mark.type.name === DELETION_MARK) {
        pairs.add(JSON.stringify([mark.attrs.id, mark.attrs.authorId]));
      }
    }
    return true;
  });
  return pairs;
}

const refuse = (why: string) => new UpdateRefused(CLOSE.suggestionsOnly, `Suggestions only: ${why}`);

/**
 * Refuses an update from an editor held to "suggestions only" unless all it does is add, change or
 * withdraw suggestions of their own:
 * - with every suggestion rejected, the document is the same before and after (so no direct edit,
 *   and no accepting anyone's suggestion, which would turn suggested text into plain text);
 * - every suggestion mark that is new (by id and author) names this user as its author.
 * The check runs on a copy of the room's document; the room's own is only changed by applying the
 * update afterwards. It costs two reads of the document per update, for these connections only.
 */
export function assertOnlySuggestions(doc: Y.Doc, update: Uint8Array, userId: string): void {
  const before = pmDoc(doc);
  if (!before) throw refuse("the document could not be checked");
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(scratch, update);
    const after = pmDoc(scratch);
    if (!after) throw refuse("the change does not fit the document schema");
    if (base(before) !== base(after)) throw refuse("the change edits the text directly instead of suggesting");
    const known = authorship(before);
    for (const pair of authorship(after)) {
      if (known.has(pair)) continue;
      const [, authorId] = JSON.parse(pair) as [unknown, unknown];
      if (authorId !== userId) throw refuse("a suggestion is attributed to someone else");
    }
  } finally {
    scratch.destroy();
  }
}
