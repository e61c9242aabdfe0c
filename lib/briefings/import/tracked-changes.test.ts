import type { JSONContent } from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import {
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { describe, expect, it } from "vitest";
import { editorSchema } from "@/lib/editor/schema";
import { acceptAllOf, listSuggestions, reviewAll } from "@/lib/editor/suggestions/review";
import { suggestTransaction } from "@/lib/editor/suggestions/transform";
import { blocksOf } from "@/lib/export/blocks";
import { renderExport } from "@/lib/export/render";
import { buildDoc } from "@/lib/test/export-documents";
import { docxToProsemirror } from "./docx";
import { markersToSuggestions } from "./suggestion-markers";
import { rewriteTrackedChanges } from "./tracked-changes";

const schema = editorSchema();
const ann = { author: "Ann Analyst", date: "2026-12-05T08:00:00Z" };
const bob = { author: "Bob Lawyer", date: "2026-12-05T09:30:00Z" };

/** A Word file made with the docx package's tracked-change runs (what Word writes for redlines). */
async function redlinedFile(): Promise<Uint8Array> {
  const file = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new TextRun("The budget is "),
              new DeletedTextRun({ ...ann, id: 1, text: "10" }),
              new InsertedTextRun({ ...ann, id: 2, text: "12", bold: true }),
              new TextRun(" million"),
              new DeletedTextRun({ ...bob, id: 3, text: " a year" }),
              new TextRun("."),
            ],
          }),
          // Bob deletes the break between these paragraphs (the paragraph mark) with the text around it.
          new Paragraph({
            run: { deletion: { ...bob, id: 4 } },
            children: [new TextRun("First part"), new DeletedTextRun({ ...bob, id: 5, text: " ends" })],
          }),
          new Paragraph({ children: [new TextRun("second part.")] }),
          new Paragraph({
            run: { insertion: { ...ann, id: 6 } },
            children: [new InsertedTextRun({ ...ann, id: 7, text: "A new paragraph." })],
          }),
          new Paragraph({ children: [new TextRun("Closing.")] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

const docOf = (content: JSONContent) => {
  const doc = schema.nodeFromJSON(content);
  doc.check();
  return doc;
};
const plain = (doc: PmNode) => doc.textBetween(0, doc.content.size, "\n").replace(/\u200B/g, "");
const stateOf = (doc: PmNode) => EditorState.create({ schema, doc });
const summary = (doc: PmNode) =>
  listSuggestions(doc).map((s) => ({ by: s.authorName, at: s.at, inserted: s.inserted, deleted: s.deleted }));

describe("importing Word tracked changes", () => {
  it("keeps them as suggestions with their Word authors and dates (a replacement is one suggestion)", async () => {
    const { content, notices } = await docxToProsemirror(await redlinedFile());
    const doc = docOf(content);
    expect(summary(doc)).toEqual([
      { by: "Ann Analyst", at: "2026-12-05T08:00:00.000Z", inserted: "12", deleted: "10" },
      { by: "Bob Lawyer", at: "2026-12-05T09:30:00.000Z", inserted: "", deleted: " a year" },
      { by: "Bob Lawyer", at: "2026-12-05T09:30:00.000Z", inserted: "", deleted: " ends\n" },
      { by: "Ann Analyst", at: "2026-12-05T08:00:00.000Z", inserted: "A new paragraph.\n", deleted: "" },
    ]);
    // Word authors are not users here: a marked author id, and the name as Word wrote it.
    expect(listSuggestions(doc).map((s) => s.authorId)).toEqual([
      "word:Ann Analyst",
      "word:Bob Lawyer",
      "word:Bob Lawyer",
      "word:Ann Analyst",
    ]);
    // Formatting inside a suggestion survives.
    const twelve = doc.firstChild?.childAfter(doc.firstChild.textContent.indexOf("12")).node;
    expect(twelve?.marks.map((m) => m.type.name).sort()).toEqual(["bold", "insertion"]);
    const accepted = acceptAllOf(doc).doc;
    expect(plain(accepted)).toBe("The budget is 12 million.\nFirst partsecond part.\nA new paragraph.\nClosing.");
    const rejected = reviewAll(stateOf(doc), false)?.doc as PmNode;
    expect(plain(rejected)).toBe("The budget is 10 million a year.\nFirst part ends\nsecond part.\nClosing.");
    expect(notices).toEqual([
      "7 tracked changes from Word became 4 suggestions by Ann Analyst, Bob Lawyer (Word names, not users of this site): review them in the Suggestions panel.",
    ]);
  });

  it("keeps tracked changes inside table cells as suggestions; an inserted table row is applied and reported", async () => {
    const cell = (...children: Paragraph[]) => new TableCell({ children });
    const file = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell(
                      new Paragraph({
                        children: [new TextRun("Members: "), new InsertedTextRun({ ...ann, id: 1, text: "32" })],
                      }),
                    ),
                  ],
                }),
                new TableRow({
                  insertion: { ...bob, id: 2 },
                  children: [cell(new Paragraph("A new row"))],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const { content, notices } = await docxToProsemirror(new Uint8Array(await Packer.toBuffer(file)));
    const doc = docOf(content);
    expect(summary(doc)).toEqual([{ by: "Ann Analyst", at: "2026-12-05T08:00:00.000Z", inserted: "32", deleted: "" }]);
    expect(plain(doc)).toContain("A new row");
    expect(notices[1]).toMatch(/^1 tracked change \(formatting, table rows/);
  });

  it("accepts or rejects all of them when the import asks, and says which", async () => {
    const file = await redlinedFile();
    const accepted = await docxToProsemirror(file, "accept");
    expect(listSuggestions(docOf(accepted.content))).toEqual([]);
    expect(plain(docOf(accepted.content))).toBe(
      "The budget is 12 million.\nFirst partsecond part.\nA new paragraph.\nClosing.",
    );
    expect(accepted.notices).toEqual(["This file had 7 tracked changes; all were accepted as the import asked."]);
    const rejected = await docxToProsemirror(file, "reject");
    expect(listSuggestions(docOf(rejected.content))).toEqual([]);
    expect(plain(docOf(rejected.content))).toBe(
      "The budget is 10 million a year.\nFirst part ends\nsecond part.\nClosing.",
    );
    expect(rejected.notices).toEqual(["This file had 7 tracked changes; all were rejected as the import asked."]);
  });

  it("round trip: a briefing's suggestions exported to Word as tracked changes come back as the same suggestions", async () => {
    let state = stateOf(
      PmNode.fromJSON(schema, {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "The budget is 10 million." }] },
          { type: "paragraph", content: [{ type: "text", text: "Partners: NATO." }] },
          { type: "paragraph", content: [{ type: "text", text: "Closing remarks." }] },
          { type: "paragraph", content: [{ type: "text", text: "Annex follows." }] },
        ],
      }),
    );
    const edit = (who: { id: string; name: string }, at: string, make: (s: EditorState) => Transaction) => {
      const out = suggestTransaction(make(state), state, who, new Date(at));
      if (!out.ok) throw new Error(out.reason);
      state = state.apply(out.tr);
    };
    const find = (needle: string) => {
      let found = -1;
      state.doc.descendants((node, pos) => {
        const i = node.isText ? (node.text?.indexOf(needle) ?? -1) : -1;
        if (found < 0 && i >= 0) found = pos + i;
        return found < 0;
      });
      return found;
    };
    edit({ id: "u-ann", name: "Ann Analyst" }, ann.date, (s) => s.tr.insertText("12", find("10"), find("10") + 2));
    edit({ id: "u-bob", name: "Bob Lawyer" }, bob.date, (s) => s.tr.delete(find(" million"), find(" million") + 8));
    edit({ id: "u-bob", name: "Bob Lawyer" }, bob.date, (s) => s.tr.insertText(" and the EU", find("NATO") + 4));
    // Across paragraph breaks: Carol deletes the end of one paragraph with the start of the next,
    // Dave starts a new paragraph (Enter) inside another.
    edit({ id: "u-carol", name: "Carol" }, "2026-12-05T10:00:00Z", (s) =>
      s.tr.delete(find(" remarks."), find("Annex") + 5),
    );
    edit({ id: "u-dave", name: "Dave" }, "2026-12-05T11:00:00Z", (s) => s.tr.split(find(" NATO")));
    const exported = await renderExport(
      buildDoc(
        blocksOf(state.doc.toJSON() as JSONContent, { card: () => ({}) as never, comparison: () => ({}) as never }),
      ),
      "docx",
      { suggestions: "shown" },
    );
    const { content } = await docxToProsemirror(new Uint8Array(exported.body));
    const imported = docOf(content);
    expect(summary(imported)).toEqual(summary(state.doc));
    expect(summary(imported)).toHaveLength(5);
    expect(plain(reviewAll(stateOf(imported), false)?.doc as PmNode)).toContain(
      plain(reviewAll(stateOf(state.doc), false)?.doc as PmNode),
    );
    expect(plain(acceptAllOf(imported).doc)).toContain(plain(acceptAllOf(state.doc).doc));
  });
});

describe("rewriteTrackedChanges", () => {
  const body = (inner: string) =>
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${inner}</w:body></w:document>`;
  const by = 'w:id="1" w:author="Ann" w:date="2026-12-05T08:00:00Z"';
  // "plain" made bold as a tracked formatting change; "gone" inserted by Ann then deleted by Bob.
  const xml = body(
    `<w:p><w:r><w:rPr><w:b/><w:rPrChange ${by}><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>plain</w:t></w:r>` +
      `<w:ins ${by}><w:del w:id="2" w:author="Bob"><w:r><w:delText>gone</w:delText></w:r></w:del></w:ins></w:p>`,
  );

  it("counts formatting changes as not kept in suggest mode, and text inserted then deleted as left out", () => {
    const { xml: out, counts, changes } = rewriteTrackedChanges(xml, "suggest");
    expect(counts).toEqual({ text: 2, insertedThenDeleted: 1, rows: 0, formatting: 1, notKept: 1 });
    expect(out).toContain("<w:b/>");
    expect(out).not.toContain("gone");
    expect(changes).toEqual([{ kind: "insert", author: "Ann", date: "2026-12-05T08:00:00Z" }]);
  });

  it("reject mode puts the old formatting back and drops inserted text", () => {
    const { xml: out } = rewriteTrackedChanges(xml, "reject");
    expect(out).toContain("<w:rPr><w:i/></w:rPr>");
    expect(out).not.toMatch(/<w:b\/>|rPrChange|gone|w:ins/);
  });

  it("drops marker characters the file itself contains, so they cannot fake a suggestion", () => {
    const { xml: out } = rewriteTrackedChanges(
      body("<w:p><w:r><w:t>a\uE0000\uE001b\uE002</w:t></w:r></w:p>"),
      "suggest",
    );
    expect(out).toContain("<w:t>a0b</w:t>");
  });
});

describe("markersToSuggestions", () => {
  it("marks the text between a change's markers, and trims the paragraph's ends the markers hid", () => {
    const content = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "\uE0000\uE001 Hello\uE002 world " }] }],
    };
    const {
      content: out,
      suggestions,
      authors,
    } = markersToSuggestions(content, [{ kind: "insert", author: "Ann", date: "2026-12-05T08:00:00Z" }], () => "s1");
    expect(out.content?.[0]?.content).toEqual([
      {
        type: "text",
        text: "Hello",
        marks: [
          {
            type: "insertion",
            attrs: { id: "s1", authorId: "word:Ann", authorName: "Ann", at: "2026-12-05T08:00:00.000Z" },
          },
        ],
      },
      { type: "text", text: " world" },
    ]);
    expect({ suggestions, authors }).toEqual({ suggestions: 1, authors: ["Ann"] });
  });
});
