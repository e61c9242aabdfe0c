import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { outlineOf } from "@/lib/editor/outline";

const anchorsKey = new PluginKey<DecorationSet>("headingAnchors");

function anchors(doc: ProseMirrorNode): DecorationSet {
  return DecorationSet.create(
    doc,
    outlineOf(doc).flatMap((entry) => {
      const node = doc.nodeAt(entry.pos);
      return node ? [Decoration.node(entry.pos, entry.pos + node.nodeSize, { id: entry.id })] : [];
    }),
  );
}

/**
 * Gives every heading an id made from its text (decorations: nothing is stored), so
 * `/briefings/<id>#background` links to a section and the outline can scroll to it.
 */
export const HeadingAnchors = Extension.create({
  name: "headingAnchors",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: anchorsKey,
        state: {
          init: (_config, state) => anchors(state.doc),
          apply: (tr, previous) => (tr.docChanged ? anchors(tr.doc) : previous),
        },
        props: { decorations: (state) => anchorsKey.getState(state) },
      }),
    ];
  },
});
