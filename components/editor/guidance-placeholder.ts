"use client";

import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { GUIDANCE_ATTRIBUTE } from "@/lib/editor/guidance";

const key = new PluginKey<DecorationSet>("guidancePlaceholder");

/** What an empty briefing says in its first line, so a newcomer knows where the blocks are. */
export const BLANK_HINT = "Type / to insert a framework card, a comparison, a table…, or just start writing.";

function isBlank(doc: PmNode): boolean {
  const only = doc.childCount === 1 ? doc.firstChild : null;
  return only?.type.name === "paragraph" && only.content.size === 0;
}

/** Marks every empty guided paragraph, or the one line of a blank briefing; the text itself is drawn by CSS (editor.css, .guidance). */
function guidanceDecorations(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = [];
  const first = doc.firstChild;
  if (first && isBlank(doc) && !first.attrs[GUIDANCE_ATTRIBUTE]) {
    decorations.push(Decoration.node(0, first.nodeSize, { class: "guidance", "data-guidance": BLANK_HINT }));
    return DecorationSet.create(doc, decorations);
  }
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return !node.isAtom;
    const guidance: unknown = node.attrs[GUIDANCE_ATTRIBUTE];
    if (typeof guidance === "string" && guidance && node.content.size === 0) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: "guidance", "data-guidance": guidance }));
    }
    // Inline content never holds paragraphs: do not walk it.
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Shows a template's guidance (lib/editor/guidance.ts) greyed in its paragraph while that is empty
 * and the user may edit; typing replaces it, emptying the paragraph brings it back. Read-only
 * readers see the document as it is.
 */
export const GuidancePlaceholder = Extension.create({
  name: "guidancePlaceholder",

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key,
        state: {
          init: (_, state) => guidanceDecorations(state.doc),
          apply: (tr, set) => (tr.docChanged ? guidanceDecorations(tr.doc) : set),
        },
        props: {
          decorations: (state) => (editor.isEditable ? key.getState(state) : DecorationSet.empty),
        },
      }),
    ];
  },
});
