import { EditorState, type Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { mapOutline, outlineOf } from "./outline";
import { editorSchema } from "./schema";
import { touchesNodes } from "./touches";

const schema = editorSchema();
const heading = (level: number, text: string) => ({
  type: "heading",
  attrs: { level },
  content: [{ type: "text", text }],
});
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

function state() {
  const doc = schema.nodeFromJSON({
    type: "doc",
    content: [
      paragraph("Intro"),
      heading(2, "Background"),
      paragraph("Body text"),
      heading(2, "Options"),
      paragraph("End"),
    ],
  });
  return EditorState.create({ schema, doc });
}

/** The position just inside the first textblock whose text is `text`. */
function inside(s: EditorState, text: string): number {
  let found = -1;
  s.doc.descendants((node, pos) => {
    if (found < 0 && node.isTextblock && node.textContent === text) found = pos + 1;
    return found < 0;
  });
  if (found < 0) throw new Error(`no block "${text}"`);
  return found;
}

const headingTouched = (tr: Transaction) => touchesNodes(tr, ["heading"]);

describe("touchesNodes", () => {
  it("is false for typing and deleting in paragraphs, even between headings", () => {
    const s = state();
    expect(headingTouched(s.tr.insertText("More ", inside(s, "Body text")))).toBe(false);
    expect(headingTouched(s.tr.delete(inside(s, "Intro"), inside(s, "Intro") + 2))).toBe(false);
    expect(headingTouched(s.tr.insert(0, schema.nodeFromJSON(paragraph("New"))))).toBe(false);
  });

  it("is true for typing in a heading, at its start or end, and for adding, removing or retyping one", () => {
    const s = state();
    const background = inside(s, "Background");
    expect(headingTouched(s.tr.insertText("x", background))).toBe(true);
    expect(headingTouched(s.tr.insertText("x", background + "Background".length))).toBe(true);
    expect(headingTouched(s.tr.insert(0, schema.nodeFromJSON(heading(1, "New"))))).toBe(true);
    expect(headingTouched(s.tr.delete(background - 1, background + "Background".length + 1))).toBe(true);
    const body = inside(s, "Body text");
    expect(headingTouched(s.tr.setBlockType(body, body, schema.nodes.heading!, { level: 3 }))).toBe(true);
    expect(headingTouched(s.tr.setNodeMarkup(background - 1, undefined, { level: 3 }))).toBe(true);
    // A deletion from a paragraph into the next heading merges them.
    expect(headingTouched(s.tr.delete(body + 2, inside(s, "Options") + 2))).toBe(true);
  });

  it("lets an outline be mapped instead of recomputed: the mapped outline equals a fresh one", () => {
    let s = state();
    let outline = outlineOf(s.doc);
    const edits: ((s: EditorState) => Transaction)[] = [
      (s) => s.tr.insertText("Longer intro. ", inside(s, "Intro")),
      (s) => s.tr.insert(0, schema.nodeFromJSON(paragraph("First"))),
      (s) => s.tr.delete(inside(s, "Body text"), inside(s, "Body text") + 5),
      (s) => s.tr.insertText("Renamed ", inside(s, "Options")),
      (s) => s.tr.insert(s.doc.content.size, schema.nodeFromJSON(heading(2, "Background"))),
    ];
    for (const edit of edits) {
      const tr = edit(s);
      s = s.apply(tr);
      outline = headingTouched(tr) ? outlineOf(s.doc) : mapOutline(outline, tr.mapping);
      expect(outline).toEqual(outlineOf(s.doc));
    }
    expect(outline.map((e) => e.id)).toEqual(["background", "renamed-options", "background-2"]);
  });
});
