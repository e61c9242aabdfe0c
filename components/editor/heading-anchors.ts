import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { mapOutline, type OutlineEntry, outlineOf } from "@/lib/editor/outline";
import { touchesNodes } from "@/lib/editor/touches";

type Anchors = { outline: OutlineEntry[]; decorations: DecorationSet };

const anchorsKey = new PluginKey<Anchors>("headingAnchors");

function anchors(doc: ProseMirrorNode): Anchors {
  const outline = outlineOf(doc);
  const decorations = DecorationSet.create(
    doc,
    outline.flatMap((entry) => {
      const node = doc.nodeAt(entry.pos);
      return node ? [Decoration.node(entry.pos, entry.pos + node.nodeSize, { id: entry.id })] : [];
    }),
  );
  return { outline, decorations };
}

/** The document's outline as the anchors plugin last computed it (the outline panel reads this). */
export function getOutline(state: EditorState): OutlineEntry[] {
  return anchorsKey.getState(state)?.outline ?? outlineOf(state.doc);
}

/**
 * Gives every heading an id made from its text (decorations: nothing is stored), so
 * `/briefings/<id>#background` links to a section and the outline can scroll to it. The outline
 * is computed here, only when a change touches a heading, and shared with the outline panel and
 * the table of contents.
 */
export const HeadingAnchors = Extension.create({
  name: "headingAnchors",
  addProseMirrorPlugins() {
    return [
      new Plugin<Anchors>({
        key: anchorsKey,
        state: {
          init: (_config, state) => anchors(state.doc),
          apply: (tr, previous) => {
            if (!tr.docChanged) return previous;
            // A change outside every heading only moves the anchors along: no walk of the document.
            if (touchesNodes(tr, ["heading"])) return anchors(tr.doc);
            return {
              outline: mapOutline(previous.outline, tr.mapping),
              decorations: previous.decorations.map(tr.mapping, tr.doc),
            };
          },
        },
        props: { decorations: (state) => anchorsKey.getState(state)?.decorations },
      }),
    ];
  },
});
