import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { updateYFragment } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { briefingJson } from "@/lib/briefings/doc/content";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { editorSchema } from "@/lib/editor/schema";
import { AppError } from "@/lib/errors";
import { type BlockChange, diffDocuments } from "./diff";

/** One block of a diff between a version (`from`) and the current document (`to`), by index. */
export type BlockRef = { from: number | null; to: number | null };

/**
 * Turns the document in `doc` into `target` with the smallest Yjs change y-prosemirror finds
 * (unchanged blocks and text are kept, so collaborators' concurrent edits elsewhere survive).
 */
export function replaceDocument(doc: Y.Doc, target: JSONContent): void {
  const schema = editorSchema();
  const json = target.content?.length ? target : { type: "doc", content: [{ type: "paragraph" }] };
  const node = Node.fromJSON(schema, json);
  node.check();
  updateYFragment(doc, doc.getXmlFragment(BRIEFING_FRAGMENT), node, { mapping: new Map(), isOMark: new Map() });
}

function sameRef(change: BlockChange, ref: BlockRef): boolean {
  const from = "fromIndex" in change ? change.fromIndex : null;
  const to = "toIndex" in change ? change.toIndex : null;
  return change.kind !== "same" && from === ref.from && to === ref.to;
}

/**
 * The current document with one block of the diff (version -> current) put back as the version
 * had it: a changed block replaced by the version's, a block the version had inserted where it
 * was, a block the version did not have removed. A block that is not (or no longer) in the diff
 * is a 409: the document changed since the diff was shown.
 */
export function withBlockRestored(version: JSONContent, current: JSONContent, ref: BlockRef): JSONContent {
  const diff = diffDocuments(version, current);
  const index = diff.blocks.findIndex((change) => sameRef(change, ref));
  const change = diff.blocks[index];
  if (!change) throw new AppError("conflict", "The document changed since this comparison; compare again.");
  const content = [...(current.content ?? [])];
  if (change.kind === "change") content[change.toIndex] = change.from;
  else if (change.kind === "insert") content.splice(change.toIndex, 1);
  else if (change.kind === "delete") {
    // Where it stood: after the nearest earlier block that is still in the current document.
    let at = 0;
    for (let i = index - 1; i >= 0; i--) {
      const before = diff.blocks[i]!;
      if ("toIndex" in before) {
        at = before.toIndex + 1;
        break;
      }
    }
    content.splice(at, 0, change.from);
  }
  return { ...current, content };
}

/** The edit that restores a whole version, or one block of it, on top of the live document. */
export function restoreEdit(briefingId: string, version: JSONContent, block?: BlockRef): (doc: Y.Doc) => void {
  return (doc) => {
    const target = block ? withBlockRestored(version, briefingJson(doc, briefingId), block) : version;
    replaceDocument(doc, target);
  };
}
