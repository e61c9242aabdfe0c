import { mergeAttributes, Node } from "@tiptap/core";

export const TABLE_OF_CONTENTS_NODE = "tableOfContents";
export const CALLOUT_NODE = "callout";

/** Callout kinds: a "Bottom line up front" box, or a plain note. */
export const CALLOUT_VARIANTS = ["bluf", "note"] as const;
export type CalloutVariant = (typeof CALLOUT_VARIANTS)[number];

/** The title a callout shows (not stored: a variant is enough, and renaming it later is free). */
export const CALLOUT_TITLES: Record<CalloutVariant, string> = { bluf: "Bottom line up front", note: "Note" };

export const calloutVariant = (value: unknown): CalloutVariant => (value === "note" ? "note" : "bluf");

/**
 * A table of contents at a place in the briefing (an atom block with nothing stored): the editor
 * and every export draw it from the headings at the time, so it is never out of date.
 */
export const TableOfContentsNode = Node.create({
  name: TABLE_OF_CONTENTS_NODE,
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  parseHTML() {
    return [{ tag: 'nav[data-type="table-of-contents"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["nav", mergeAttributes(HTMLAttributes, { "data-type": "table-of-contents" }), "Contents"];
  },

  renderText() {
    return "[Table of contents]";
  },
});

/**
 * A boxed callout ("Bottom line up front" or a note) holding paragraphs and lists, edited in
 * place like any text.
 */
export const CalloutNode = Node.create({
  name: CALLOUT_NODE,
  group: "block",
  content: "(paragraph | bulletList | orderedList)+",
  defining: true,
  draggable: true,

  addAttributes() {
    return {
      variant: {
        default: "bluf",
        parseHTML: (element) => calloutVariant(element.getAttribute("data-variant")),
        renderHTML: (attrs) => ({ "data-variant": calloutVariant(attrs.variant) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'aside[data-type="callout"]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const variant = calloutVariant(node.attrs.variant);
    return [
      "aside",
      mergeAttributes(HTMLAttributes, {
        "data-type": "callout",
        class: `callout callout--${variant}`,
        "aria-label": CALLOUT_TITLES[variant],
      }),
      0,
    ];
  },
});
