import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { Transaction } from "@tiptap/pm/state";

/**
 * Whether a change could add, remove or edit a node of one of these types (its own content
 * included). Plugins that derive something from such nodes (footnote numbers, heading anchors)
 * recompute only then; for any other change they map what they have, so typing in a paragraph
 * of a long briefing does not walk the whole document per keystroke.
 */
export function touchesNodes(tr: Transaction, typeNames: readonly string[]): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const before = tr.docs[i]!;
    const after = tr.docs[i + 1] ?? tr.doc;
    let touched = false;
    const visit = (node: ProseMirrorNode) => {
      if (typeNames.includes(node.type.name)) touched = true;
      return !touched;
    };
    tr.steps[i]!.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
      if (touched) return;
      before.nodesBetween(oldStart, Math.min(oldEnd, before.content.size), visit);
      after.nodesBetween(newStart, Math.min(newEnd, after.content.size), visit);
    });
    if (touched) return true;
  }
  return false;
}
