import type { JSONContent } from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { editorSchema } from "@/lib/editor/schema";
import { listSuggestions, reviewSuggestion } from "@/lib/editor/suggestions/review";
import { suggestTransaction } from "@/lib/editor/suggestions/transform";
import { countReviewed, reviewLabel } from "./review-summary";

const schema = editorSchema();
const ann = { id: "u-ann", name: "Ann" };
const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

function suggest(state: EditorState, edit: (s: EditorState) => Transaction): EditorState {
  const out = suggestTransaction(edit(state), state, ann);
  if (!out.ok) throw new Error(out.reason);
  return state.apply(out.tr);
}
const find = (s: EditorState, needle: string) => {
  let found = -1;
  s.doc.descendants((node, pos) => {
    const i = node.isText ? (node.text?.indexOf(needle) ?? -1) : -1;
    if (found < 0 && i >= 0) found = pos + i;
    return found < 0;
  });
  return found;
};

describe("countReviewed (accepting and rejecting shows in history)", () => {
  it("tells accepted, rejected and otherwise resolved suggestions apart", () => {
    let s = EditorState.create({
      schema,
      doc: PmNode.fromJSON(schema, { type: "doc", content: [p("Budget is 10."), p("Staff of 5."), p("Due in May.")] }),
    });
    s = suggest(s, (st) => st.tr.insertText("12", find(st, "10"), find(st, "10") + 2));
    s = suggest(s, (st) => st.tr.insertText(" more", find(st, "5") + 1));
    s = suggest(s, (st) => st.tr.delete(find(st, " in May"), find(st, " in May") + 7));
    const before = s.doc.toJSON() as JSONContent;
    const [budget, staff, due] = listSuggestions(s.doc).map((x) => x.id);
    s = s.apply(reviewSuggestion(s, String(budget), true)!);
    s = s.apply(reviewSuggestion(s, String(staff), false)!);
    // The third is accepted, then its paragraph edited again: neither outcome is there as such.
    s = s.apply(reviewSuggestion(s, String(due), true)!);
    s = s.apply(s.tr.insertText(" Soon", find(s, "Due") + 3));
    const count = countReviewed(before, s.doc.toJSON() as JSONContent);
    expect(count).toEqual({ accepted: 1, rejected: 1, other: 1 });
    expect(reviewLabel(count)).toBe("Accepted 1 suggestion, rejected 1 suggestion, resolved 1 suggestion otherwise");
    expect(countReviewed(before, before)).toEqual({ accepted: 0, rejected: 0, other: 0 });
    expect(reviewLabel({ accepted: 3, rejected: 0, other: 0 })).toBe("Accepted 3 suggestions");
    expect(reviewLabel({ accepted: 0, rejected: 0, other: 0 })).toBeNull();
    expect(reviewLabel({ accepted: 0, rejected: 0, other: 250 })).toBe("Resolved 250 suggestions");
  });
});
