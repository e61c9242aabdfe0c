import type { JSONContent } from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { editorSchema } from "../schema";
import { acceptAllOf, listSuggestions, reviewAll, reviewSuggestion, type Suggestion } from "./review";
import { SUGGEST_REFUSALS, suggestTransaction } from "./transform";

const schema = editorSchema();
const ann = { id: "u-ann", name: "Ann" };
const bob = { id: "u-bob", name: "Bob" };
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const t = (text: string, marks?: JSONContent["marks"]): JSONContent =>
  marks ? { type: "text", text, marks } : { type: "text", text };
const card: JSONContent = { type: "frameworkCard", attrs: { slug: "nist-csf" } };

function stateOf(...blocks: JSONContent[]): EditorState {
  return EditorState.create({ schema, doc: PmNode.fromJSON(schema, { type: "doc", content: blocks }) });
}

/** Applies `edit` as a suggestion by `who`; fails the test when it is refused. */
function suggest(state: EditorState, who: typeof ann, edit: (tr: Transaction) => Transaction): EditorState {
  const outcome = suggestTransaction(edit(state.tr), state, who, new Date("2026-12-05T08:00:00Z"));
  if (!outcome.ok) throw new Error(outcome.reason);
  return state.apply(outcome.tr);
}

const plain = (doc: PmNode) => doc.textBetween(0, doc.content.size, "\n").replace(/\u200B/g, "");
const accepted = (state: EditorState) => plain(acceptAllOf(state.doc).doc);
const rejected = (state: EditorState) => plain(reviewAll(state, false)?.doc ?? state.doc);
/** Finds a text position (1 + offset) inside the first textblock that contains `text`. */
function at(state: EditorState, text: string, offset = 0): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const i = node.text?.indexOf(text) ?? -1;
    if (i >= 0) found = pos + i + offset;
    return false;
  });
  if (found < 0) throw new Error(`no "${text}"`);
  return found;
}
const only = (state: EditorState): Suggestion => {
  const all = listSuggestions(state.doc);
  expect(all).toHaveLength(1);
  return all[0] as Suggestion;
};

describe("suggestion transforms", () => {
  it("an insertion is kept as marked text with its author and time, not applied as plain text", () => {
    let s = stateOf(p(t("The policy applies.")));
    const pos = at(s, "applies");
    s = suggest(s, ann, (tr) => tr.insertText("now ", pos));
    expect(plain(s.doc)).toBe("The policy now applies.");
    expect(only(s)).toMatchObject({
      authorId: "u-ann",
      authorName: "Ann",
      at: "2026-12-05T08:00:00.000Z",
      inserted: "now ",
    });
    expect(rejected(s)).toBe("The policy applies.");
    expect(accepted(s)).toBe("The policy now applies.");
  });

  it("typing on continues the same suggestion (one group), character by character", () => {
    let s = stateOf(p(t("Hello world")));
    for (const ch of "big ") {
      const pos = at(s, "world");
      s = suggest(s, ann, (tr) => tr.insertText(ch, pos));
    }
    expect(only(s)).toMatchObject({ inserted: "big ", authorId: "u-ann" });
  });

  it("a deletion across bold and plain text keeps the text, struck, until accepted", () => {
    let s = stateOf(p(t("Keep "), t("bold", [{ type: "bold" }]), t(" words here")));
    const from = at(s, "bold", 2);
    const to = at(s, "words", 2);
    s = suggest(s, bob, (tr) => tr.delete(from, to));
    expect(plain(s.doc)).toBe("Keep bold words here");
    expect(only(s)).toMatchObject({ deleted: "ld wo", authorName: "Bob" });
    expect(accepted(s)).toBe("Keep bords here");
    expect(rejected(s)).toBe("Keep bold words here");
    // bold survives on the kept part
    const bold = acceptAllOf(s.doc).doc.firstChild?.child(1);
    expect(bold?.marks.map((m) => m.type.name)).toContain("bold");
  });

  it("a deletion across two paragraphs joins them only when accepted", () => {
    let s = stateOf(p(t("First para")), p(t("Second para")));
    const from = at(s, "para");
    const to = at(s, "Second", 6);
    s = suggest(s, ann, (tr) => tr.delete(from, to));
    expect(s.doc.childCount).toBe(2);
    // the package also drops the double space the join would leave
    expect(accepted(s)).toBe("First para");
    expect(acceptAllOf(s.doc).doc.childCount).toBe(1);
    expect(rejected(s)).toBe("First para\nSecond para");
  });

  it("a replacement is one suggestion (deletion + insertion) and accept/reject work on it alone", () => {
    let s = stateOf(p(t("Budget is 10 million.")));
    const from = at(s, "10");
    s = suggest(s, ann, (tr) => tr.insertText("12", from, from + 2));
    const [one] = listSuggestions(s.doc);
    expect(one).toMatchObject({ deleted: "10", inserted: "12" });
    const accept = reviewSuggestion(s, String(one?.id), true);
    expect(plain(accept?.doc as PmNode)).toBe("Budget is 12 million.");
    const reject = reviewSuggestion(s, String(one?.id), false);
    expect(plain(reject?.doc as PmNode)).toBe("Budget is 10 million.");
  });

  it("two authors' suggestions side by side stay separate groups with their own authors", () => {
    let s = stateOf(p(t("A B")));
    s = suggest(s, ann, (tr) => tr.insertText("x", at(s, " B")));
    s = suggest(s, bob, (tr) => tr.insertText("y", at(s, "x", 1)));
    const all = listSuggestions(s.doc);
    expect(all.map((x) => [x.authorName, x.inserted])).toEqual([
      ["Ann", "x"],
      ["Bob", "y"],
    ]);
    expect(new Set(all.map((x) => x.id)).size).toBe(2);
    // accept Ann's, reject Bob's
    const afterAnn = s.apply(reviewSuggestion(s, String(all[0]?.id), true) as Transaction);
    const afterBob = afterAnn.apply(reviewSuggestion(afterAnn, String(all[1]?.id), false) as Transaction);
    expect(plain(afterBob.doc)).toBe("Ax B");
    expect(listSuggestions(afterBob.doc)).toEqual([]);
  });

  it("accept all / reject all of one author leave the other author's suggestions", () => {
    let s = stateOf(p(t("one two three")));
    s = suggest(s, ann, (tr) => tr.insertText("1", at(s, " two")));
    s = suggest(s, bob, (tr) => tr.delete(at(s, "three"), at(s, "three", 5)));
    const onlyBob = s.apply(reviewAll(s, true, bob.id) as Transaction);
    expect(plain(onlyBob.doc)).toBe("one1 two ");
    expect(listSuggestions(onlyBob.doc).map((x) => x.authorName)).toEqual(["Ann"]);
    expect(plain(s.apply(reviewAll(s, false, ann.id) as Transaction).doc)).toBe("one two three");
  });

  it("works inside a table cell", () => {
    const cell = (text: string): JSONContent => ({ type: "tableCell", content: [p(t(text))] });
    let s = stateOf({ type: "table", content: [{ type: "tableRow", content: [cell("alpha"), cell("beta")] }] });
    s = suggest(s, ann, (tr) => tr.insertText("!", at(s, "beta", 4)));
    s = suggest(s, ann, (tr) => tr.delete(at(s, "alpha", 1), at(s, "alpha", 3)));
    expect(accepted(s)).toBe("aha\nbeta!");
    expect(rejected(s)).toBe("alpha\nbeta");
  });

  it("refuses a deletion across table cells, and changes nothing", () => {
    const cell = (text: string): JSONContent => ({ type: "tableCell", content: [p(t(text))] });
    const s = stateOf({ type: "table", content: [{ type: "tableRow", content: [cell("alpha"), cell("beta")] }] });
    const out = suggestTransaction(s.tr.delete(at(s, "alpha", 2), at(s, "beta", 2)), s, ann);
    expect(out).toEqual({ ok: false, reason: SUGGEST_REFUSALS.table });
  });

  it("refuses removing a framework card (y-prosemirror cannot store a mark on it); text around it still works", () => {
    let s = stateOf(p(t("Before")), card, p(t("After")));
    const out = suggestTransaction(s.tr.delete(at(s, "Before", 3), at(s, "After", 2)), s, ann);
    expect(out).toEqual({ ok: false, reason: SUGGEST_REFUSALS.embed });
    s = suggest(s, ann, (tr) => tr.insertText(" text", at(s, "After", 5)));
    expect(accepted(s)).toBe("Before\nAfter text");
    expect(s.doc.child(1).type.name).toBe("frameworkCard");
  });

  it("refuses formatting changes", () => {
    const s = stateOf(p(t("plain")));
    const out = suggestTransaction(s.tr.addMark(1, 3, schema.marks.bold?.create() as never), s, ann);
    expect(out).toEqual({ ok: false, reason: SUGGEST_REFUSALS.format });
  });

  it("a new paragraph (Enter) is a suggestion too and rejecting it joins the text again", () => {
    let s = stateOf(p(t("Line one line two")));
    s = suggest(s, bob, (tr) => tr.split(at(s, " line two")));
    expect(s.doc.childCount).toBe(2);
    expect(listSuggestions(s.doc)).toHaveLength(1);
    expect(rejected(s)).toBe("Line one line two");
    expect(accepted(s)).toBe("Line one\n line two");
  });

  it("deleting one's own suggested text removes it for real", () => {
    let s = stateOf(p(t("ab")));
    s = suggest(s, ann, (tr) => tr.insertText("XY", at(s, "b")));
    s = suggest(s, ann, (tr) => tr.delete(at(s, "XY"), at(s, "XY", 2)));
    expect(plain(s.doc)).toBe("ab");
    expect(listSuggestions(s.doc)).toEqual([]);
  });
});
