import { Extension } from "@tiptap/core";
import { PORTION_ATTRIBUTE, PORTION_MAX, PORTION_NODE_TYPES } from "@/lib/marking/portion";

/**
 * Portion marks (lib/marking/portion.ts) are a block attribute, so they live in the shared
 * document: they co-edit, undo and version like text. Rendered as data-portion (copy and paste
 * keep them); a block split off a marked one keeps its mark (keepOnSplit), which is how a new
 * paragraph or list item inherits the previous block's mark. The "(S)" prefix in the editor is a
 * decoration (components/editor/portion-marks.ts), never text.
 */
export const PortionMarks = Extension.create({
  name: "portionMarks",

  addGlobalAttributes() {
    return [
      {
        types: [...PORTION_NODE_TYPES],
        attributes: {
          [PORTION_ATTRIBUTE]: {
            default: null,
            keepOnSplit: true,
            parseHTML: (element) => {
              const value = element.getAttribute("data-portion");
              return value && value.length <= PORTION_MAX ? value : null;
            },
            renderHTML: (attributes) => {
              const value = attributes[PORTION_ATTRIBUTE];
              return typeof value === "string" && value ? { "data-portion": value } : {};
            },
          },
        },
      },
    ];
  },
});
