import { Node } from "@tiptap/core";

export const FOOTNOTE_NODE = "footnote";

/**
 * A footnote at a point in the text: an inline node whose content is the note's own text, so two
 * people editing one note merge character by character like any other text (Yjs stores it as
 * text inside the node). It is an atom to the outer editor: the browser edits the note in a small
 * editor of its own (components/editor/footnote-view.ts). Numbers are not stored: they follow the
 * order of the notes in the document, in the editor and in every export.
 */
export const FootnoteNode = Node.create({
  name: FOOTNOTE_NODE,
  group: "inline",
  inline: true,
  content: "text*",
  // Bold, italic, links... inside a note; no nested footnotes or citations (content is text only).
  marks: "_",
  atom: true,
  selectable: true,
  draggable: false,

  parseHTML() {
    return [{ tag: 'span[data-type="footnote"]' }];
  },

  renderHTML() {
    return ["span", { "data-type": "footnote", class: "footnote" }, 0];
  },

  renderText({ node }) {
    return ` [Note: ${node.textContent}]`;
  },
});
