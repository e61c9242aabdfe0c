import type { JSONContent } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { prosemirrorToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { editorSchema } from "@/lib/editor/schema";

/**
 * Encodes a ProseMirror document (JSON) as a Yjs update holding it in the briefing fragment.
 * Throws when the JSON does not fit the editor schema. Only for content that has no Yjs history
 * yet (templates, imports): applying it to an existing document would duplicate the content.
 */
export function prosemirrorJsonToYUpdate(json: JSONContent): Uint8Array {
  const node = Node.fromJSON(editorSchema(), json);
  node.check();
  const doc = prosemirrorToYDoc(node, BRIEFING_FRAGMENT);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** A new Y.Doc holding the given Yjs updates (for reading a stored briefing outside a room). */
export function yDocFromUpdates(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  if (updates.length) Y.applyUpdate(doc, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
  return doc;
}
