import { Extension } from "@tiptap/core";
import { type EditorState, NodeSelection, type Transaction } from "@tiptap/pm/state";

/**
 * Where the block to move sits: the innermost list item around the selection, else the
 * top-level block (a selected card or table included).
 */
function blockAt(state: EditorState): { start: number; end: number; parentStart: number; index: number } | null {
  const { selection } = state;
  const { $from } = selection;
  if (selection instanceof NodeSelection && $from.depth === 0) {
    return { start: selection.from, end: selection.to, parentStart: 0, index: $from.index(0) };
  }
  let depth = 0;
  for (let d = $from.depth; d > 0; d--) {
    if ($from.node(d).type.name === "listItem") {
      depth = d;
      break;
    }
  }
  if (!depth) depth = 1;
  if ($from.depth < depth) return null;
  const start = $from.before(depth);
  return {
    start,
    end: start + $from.node(depth).nodeSize,
    parentStart: $from.start(depth - 1),
    index: $from.index(depth - 1),
  };
}

/**
 * Swaps the block at the selection with its neighbour by moving the NEIGHBOUR: the block being
 * worked on keeps its identity in the shared document (the caret, co-authors' carets and comment
 * anchors inside it stay put), and one step is one undo.
 */
export function moveBlock(state: EditorState, direction: -1 | 1, dispatch?: (tr: Transaction) => void): boolean {
  const at = blockAt(state);
  if (!at) return false;
  const parent = state.doc.resolve(at.start).parent;
  const neighbourIndex = at.index + direction;
  if (neighbourIndex < 0 || neighbourIndex >= parent.childCount) return false;
  const neighbour = parent.child(neighbourIndex);
  if (!dispatch) return true;
  const tr = state.tr;
  if (direction < 0) {
    const from = at.start - neighbour.nodeSize;
    tr.delete(from, at.start);
    tr.insert(tr.mapping.map(at.end), neighbour);
  } else {
    tr.delete(at.end, at.end + neighbour.nodeSize);
    tr.insert(at.start, neighbour);
  }
  dispatch(tr.scrollIntoView());
  return true;
}

/** Alt+Shift+Up / Alt+Shift+Down: the keyboard way to move a block (drag handles are the mouse way). */
export const MoveBlock = Extension.create({
  name: "moveBlock",
  addKeyboardShortcuts() {
    return {
      "Alt-Shift-ArrowUp": ({ editor }) => editor.isEditable && moveBlock(editor.state, -1, editor.view.dispatch),
      "Alt-Shift-ArrowDown": ({ editor }) => editor.isEditable && moveBlock(editor.state, 1, editor.view.dispatch),
    };
  },
});
