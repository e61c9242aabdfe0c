import { mergeAttributes, Node } from "@tiptap/core";

/** How a framework card relates to the catalog: follows it ("live") or frozen at pin time ("pinned"). */
export type FrameworkCardMode = "live" | "pinned";

/** The attributes stored in the document for a framework card. */
export type FrameworkCardAttrs = {
  slug: string;
  mode: FrameworkCardMode;
  /** ISO timestamp of the moment the card was pinned; null for live cards. */
  pinnedAt: string | null;
  /** JSON of the FrameworkSummary-like facts at pin time; null for live cards. */
  snapshot: string | null;
};

export const FRAMEWORK_CARD_NODE = "frameworkCard";

function optionalString(value: string | null): string | null {
  return value === null || value === "" ? null : value;
}

/**
 * An embedded, cited framework card (an atom block). The browser extends it with a React node view;
 * the server and export only need its schema and HTML round trip through data-* attributes.
 */
export const FrameworkCardNode = Node.create({
  name: FRAMEWORK_CARD_NODE,
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      slug: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-slug") ?? "",
        renderHTML: (attrs) => ({ "data-slug": attrs.slug }),
      },
      mode: {
        default: "live",
        parseHTML: (element) => (element.getAttribute("data-mode") === "pinned" ? "pinned" : "live"),
        renderHTML: (attrs) => ({ "data-mode": attrs.mode }),
      },
      pinnedAt: {
        default: null,
        parseHTML: (element) => optionalString(element.getAttribute("data-pinned-at")),
        renderHTML: (attrs) => (attrs.pinnedAt ? { "data-pinned-at": attrs.pinnedAt } : {}),
      },
      snapshot: {
        default: null,
        parseHTML: (element) => optionalString(element.getAttribute("data-snapshot")),
        renderHTML: (attrs) => (attrs.snapshot ? { "data-snapshot": attrs.snapshot } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="framework-card"]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    // The text child is a readable fallback for consumers that ignore data-* attributes.
    return ["div", mergeAttributes(HTMLAttributes, { "data-type": "framework-card" }), `Framework: ${node.attrs.slug}`];
  },

  renderText({ node }) {
    return `[Framework: ${node.attrs.slug}]`;
  },
});
