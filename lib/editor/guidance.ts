import { Extension } from "@tiptap/core";

/** The paragraph attribute holding a template's guidance ("State the issue in two sentences."). */
export const GUIDANCE_ATTRIBUTE = "guidance";

/**
 * Template guidance lives on the empty paragraph it describes, as an attribute, not as text: the
 * browser draws it as a placeholder while the paragraph is empty (components/editor/
 * guidance-placeholder.ts), so it is never typed around, saved as words, searched or exported.
 * It is not rendered to HTML (exports and the clipboard leave it out) and a paragraph split off a
 * guided one does not inherit it.
 */
export const Guidance = Extension.create({
  name: "guidance",

  addGlobalAttributes() {
    return [
      {
        types: ["paragraph"],
        attributes: { [GUIDANCE_ATTRIBUTE]: { default: null, rendered: false, keepOnSplit: false } },
      },
    ];
  },
});
