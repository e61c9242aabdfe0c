import { Node as PmNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import * as Y from "yjs";
import { briefingJson } from "@/lib/briefings/doc/content";
import { CLOSE } from "@/lib/collab/protocol";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { editorSchema } from "@/lib/editor/schema";
import { DELETION_MARK, INSERTION_MARK } from "@/lib/editor/suggestions/marks";
import { reviewAll } from "@/lib/editor/suggestions/review";
import { UpdateRefused } from "./update-guard";

/** The ProseMirror document of a Yjs document, read without touching it (null: not in the schema). */
function pmDoc(doc: Y.Doc): PmNode | null {
  try {
    return PmNode.fromJSON(editorSchema(), briefingJson(doc, "(suggestions-only check)"));
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

/** What the check compares: the text apart from suggestions, and who authored each suggestion. */
type Reading = { base: string; authorship: Set<string> };

function read(doc: Y.Doc): Reading | null {
  const pm = pmDoc(doc);
  return pm ? { base: base(pm), authorship: authorship(pm) } : null;
}

/** Origin of the checked update in the shadow (the room's own updates arrive with any other). */
const CHECKED = Symbol("suggestions-only check");

/**
 * "Suggestions only" for one room: refuses an update from an editor held to it unless all it does
 * is add, change or withdraw suggestions of their own:
 * - with every suggestion rejected, the document is the same before and after (so no direct edit,
 *   and no accepting anyone's suggestion, which would turn suggested text into plain text);
 * - every suggestion mark that is new (by id and author) names this user as its author.
 *
 * The update is tried on a shadow copy of the room's document, made once and then kept in step
 * with the room's own updates, so the room's document only changes when the update is applied
 * afterwards. The reading of the shadow after an accepted update is kept: while nobody else
 * writes, it is the next update's "before", so typing costs one reading per keystroke; updates
 * that do not touch the document's fragment (or change nothing) are not read at all. A refused
 * update, or one whose dependencies are missing, leaves the shadow behind: it is dropped and made
 * again from the room's document on the next check.
 */
export class SuggestionsOnlyCheck {
  private shadow: Y.Doc | null = null;
  /** The reading of the shadow as it is now (null: read it before the next check). */
  private reading: Reading | null = null;

  constructor(private readonly doc: Y.Doc) {
    doc.on("update", this.mirror);
    doc.on("destroy", this.close);
  }

  /** Stops following the room and frees the shadow (the last peer held to the check left); not used again after. */
  readonly close = () => {
    this.doc.off("update", this.mirror);
    this.doc.off("destroy", this.close);
    this.drop();
  };

  private readonly mirror = (update: Uint8Array) => {
    if (this.shadow) Y.applyUpdate(this.shadow, update);
  };

  private drop(): void {
    this.shadow?.destroy();
    this.shadow = null;
    this.reading = null;
  }

  private shadowDoc(): Y.Doc {
    if (this.shadow) return this.shadow;
    const shadow = new Y.Doc();
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc));
    // Anything but the checked update (someone else's edit) makes the kept reading stale.
    shadow.on("update", (_update: Uint8Array, origin: unknown) => {
      if (origin !== CHECKED) this.reading = null;
    });
    this.shadow = shadow;
    return shadow;
  }

  /** Throws UpdateRefused unless `update` (V1) only adds, changes or withdraws `userId`'s suggestions. */
  assert(update: Uint8Array, userId: string): void {
    const shadow = this.shadowDoc();
    const before = this.reading ?? read(shadow);
    if (!before) {
      this.drop();
      throw refuse("the document could not be checked");
    }
    const fragment: unknown = shadow.getXmlFragment(BRIEFING_FRAGMENT);
    let touched = false;
    // changedParentTypes holds every type that changed and all its ancestors, the fragment included.
    const watch = (tr: Y.Transaction) => {
      if (tr.origin !== CHECKED) return;
      for (const type of tr.changedParentTypes.keys()) if (type === fragment) touched = true;
    };
    shadow.on("afterTransaction", watch);
    let ok = false;
    try {
      Y.applyUpdate(shadow, update, CHECKED);
      const pending = shadow.store.pendingStructs !== null || shadow.store.pendingDs !== null;
      const after = touched ? read(shadow) : before;
      if (!after) throw refuse("the change does not fit the document schema");
      if (before.base !== after.base) throw refuse("the change edits the text directly instead of suggesting");
      for (const pair of after.authorship) {
        if (before.authorship.has(pair)) continue;
        const [, authorId] = JSON.parse(pair) as [unknown, unknown];
        if (authorId !== userId) throw refuse("a suggestion is attributed to someone else");
      }
      ok = !pending;
      this.reading = after;
    } finally {
      shadow.off("afterTransaction", watch);
      if (!ok) this.drop();
    }
  }
}
