import { mergeAttributes, Node } from "@tiptap/core";

/** The attributes stored in the document for an embedded saved comparison. */
export type ComparisonAttrs = { comparisonId: string; title: string };

export const COMPARISON_NODE = "comparison";

/**
 * An embedded saved comparison (an atom block rendered as a live read-only matrix in the browser).
 * The title is kept so exports and previews stay readable without the matrix.
 */
export const ComparisonNode = Node.create({
  name: COMPARISON_NODE,
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      comparisonId: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-comparison-id") ?? "",
        renderHTML: (attrs) => ({ "data-comparison-id": attrs.comparisonId }),
      },
      title: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-title") ?? "",
        renderHTML: (attrs) => ({ "data-title": attrs.title }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="comparison"]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { "data-type": "comparison" }), `Comparison: ${node.attrs.title}`];
  },

  renderText({ node }) {
    return `[Comparison: ${node.attrs.title}]`;
  },
});
