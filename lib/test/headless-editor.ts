import { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { BRIEFING_FRAGMENT } from "@/lib/editor/fragment";
import { editorSchema } from "@/lib/editor/schema";

/**
 * A browser editor without the browser: reads the ProseMirror document of a Yjs document and
 * writes a changed one back exactly as y-prosemirror's sync plugin does (updateYFragment), so
 * tests exercise what really travels between clients.
 */
export function headlessEditor(doc: Y.Doc) {
  const fragment = doc.getXmlFragment(BRIEFING_FRAGMENT);
  const meta = { mapping: new Map(), isOMark: new Map() };
  const state = () =>
    EditorState.create({ schema: editorSchema(), doc: yXmlFragmentToProseMirrorRootNode(fragment, editorSchema()) });
  return {
    state,
    /** Writes the result of a transaction (made on `state()`) into the Yjs document. */
    apply(tr: Transaction) {
      doc.transact(() => updateYFragment(doc, fragment, tr.doc, meta));
    },
    json: () => state().doc.toJSON(),
  };
}

/** Re-reads stored ProseMirror JSON in the editor schema (throws when it does not fit). */
export function parseDoc(json: unknown): PmNode {
  return PmNode.fromJSON(editorSchema(), json);
}
