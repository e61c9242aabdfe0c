import type { Editor, JSONContent } from "@tiptap/react";

/**
 * Inserts an embed (an atom block) at the cursor with an empty paragraph after it, and leaves the
 * cursor there: typing goes on below the embed, and the next insert does not replace it (right
 * after an insert the embed itself would be selected). On an empty line the line is replaced.
 */
export function insertBlock(editor: Editor, node: JSONContent): void {
  editor
    .chain()
    .focus()
    .insertContent([node, { type: "paragraph" }])
    .run();
}
