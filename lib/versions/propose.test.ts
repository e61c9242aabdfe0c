import type { JSONContent } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { editorSchema } from "@/lib/editor/schema";
import { acceptAllOf, listSuggestions, reviewAll } from "@/lib/editor/suggestions/review";
import { SUGGEST_REFUSALS } from "@/lib/editor/suggestions/transform";
import { proposeChanges } from "./propose";

const ann = { id: "u-ann", name: "Ann" };
const p = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const h = (level: number, text: string): JSONContent => ({
  type: "heading",
  attrs: { level },
  content: [{ type: "text", text }],
});
const list = (...items: string[]): JSONContent => ({
  type: "bulletList",
  content: items.map((text) => ({ type: "listItem", content: [p(text)] })),
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const card: JSONContent = { type: "frameworkCard", attrs: { slug: "nist-csf" } };

const plain = (d: PmNode) => d.textBetween(0, d.content.size, "\n").replace(/\u200B/g, "");
const rejected = (d: PmNode) =>
  plain(reviewAll(EditorState.create({ schema: editorSchema(), doc: d }), false)?.doc ?? d);
const text = (json: JSONContent) => plain(editorSchema().nodeFromJSON(json));

describe("proposeChanges (a diff between versions as suggestions)", () => {
  it("turns changed words, new and removed paragraphs into suggestions by the proposer; accepting gives the newer version", () => {
    const from = doc(p("The budget is 10 million."), p("Old paragraph."), p("Closing."));
    const to = doc(p("The budget is 12 million."), p("Closing."), p("A new last paragraph."));
    const result = proposeChanges(from, to, from, ann, new Date("2026-12-05T08:00:00Z"));
    expect(result.skipped).toEqual([]);
    expect(result.proposed).toBe(3);
    const suggestions = listSuggestions(result.doc);
    expect(suggestions.map((s) => [s.authorId, s.at])).toEqual(
      suggestions.map(() => ["u-ann", "2026-12-05T08:00:00.000Z"]),
    );
    expect(suggestions.map((s) => [s.deleted, s.inserted])).toEqual([
      ["10", "12"],
      ["Old paragraph.", ""],
      ["", "A new last paragraph."],
    ]);
    expect(plain(acceptAllOf(result.doc).doc)).toBe(text(to));
    expect(rejected(result.doc)).toBe(text(from));
  });

  it("a paragraph edited in two places gives two suggestions, formatting of the new words kept", () => {
    const from = doc(p("The alliance meets in May and decides in June."));
    const to = doc({
      type: "paragraph",
      content: [
        { type: "text", text: "The alliance meets in " },
        { type: "text", text: "April", marks: [{ type: "bold" }] },
        { type: "text", text: " and decides in July." },
      ],
    });
    const result = proposeChanges(from, to, from, ann);
    expect(listSuggestions(result.doc).map((s) => [s.deleted, s.inserted])).toEqual([
      ["May", "April"],
      ["June", "July"],
    ]);
    const accepted = acceptAllOf(result.doc).doc;
    expect(plain(accepted)).toBe(text(to));
    expect(accepted.firstChild?.child(1).marks.map((m) => m.type.name)).toEqual(["bold"]);
  });

  it("applies onto a current document that moved on elsewhere, and skips blocks changed since, saying so", () => {
    const from = doc(p("Alpha one."), p("Beta two."), p("Gamma three."));
    const to = doc(p("Alpha ONE."), p("Beta TWO."), p("Gamma three."));
    const current = doc(p("Intro added later."), p("Alpha one."), p("Beta two, edited since."), p("Gamma three."));
    const result = proposeChanges(from, to, current, ann);
    expect(result.proposed).toBe(1);
    expect(result.skipped).toEqual(["“Beta two.” was not proposed: it changed since the older version."]);
    expect(plain(acceptAllOf(result.doc).doc)).toBe(
      "Intro added later.\nAlpha ONE.\nBeta two, edited since.\nGamma three.",
    );
  });

  it("edits text inside lists item by item, and reports what suggestions cannot express", () => {
    const from = doc(h(2, "Heading"), list("First item", "Second item"), card);
    const to = doc(h(3, "Heading"), list("First item", "Second item, longer"));
    const result = proposeChanges(from, to, from, ann);
    expect(plain(acceptAllOf(result.doc).doc)).toContain("Second item, longer");
    expect(result.skipped).toEqual([
      "“Heading” was not proposed: only text can be suggested: its structure, kind or formatting changed.",
      `a frameworkCard was not proposed: ${SUGGEST_REFUSALS.embed}`,
    ]);
    expect(result.proposed).toBe(1);
  });
});
