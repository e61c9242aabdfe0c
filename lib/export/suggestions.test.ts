import type { JSONContent } from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { editorSchema } from "@/lib/editor/schema";
import type { SuggestionAuthor } from "@/lib/editor/suggestions/marks";
import { suggestTransaction } from "@/lib/editor/suggestions/transform";
import { buildDoc } from "@/lib/test/export-documents";
import { parseRenderOptions } from "./access";
import { blocksOf } from "./blocks";
import { renderExport } from "./render";
import { acceptedView, pendingSuggestions } from "./suggestions";
import type { ExportDocument } from "./types";

const ANN: SuggestionAuthor = { id: "u-ann", name: "Ann Analyst" };
const BOB: SuggestionAuthor = { id: "u-bob", name: "Bob Lawyer" };
const noEmbeds = { card: () => ({}) as never, comparison: () => ({}) as never };

/** "The budget is 10 million." with Ann replacing 10 by 12 and Bob deleting " million", as the editor makes them. */
function suggestedDocument(): ExportDocument {
  const schema = editorSchema();
  let state = EditorState.create({
    schema,
    doc: PmNode.fromJSON(schema, {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "The budget is 10 million." }] }],
    }),
  });
  const edit = (who: SuggestionAuthor, make: (s: EditorState) => Transaction) => {
    const out = suggestTransaction(make(state), state, who, new Date("2026-12-05T08:00:00Z"));
    if (!out.ok) throw new Error(out.reason);
    state = state.apply(out.tr);
  };
  const find = (s: EditorState, needle: string) => s.doc.textContent.indexOf(needle) + 1;
  edit(ANN, (s) => s.tr.insertText("12", find(s, "10"), find(s, "10") + 2));
  edit(BOB, (s) => s.tr.delete(find(s, " million"), find(s, " million") + 8));
  const json = state.doc.toJSON() as JSONContent;
  return buildDoc(blocksOf(json, noEmbeds));
}

function docxXml(body: Buffer): string {
  return strFromU8(unzipSync(new Uint8Array(body))["word/document.xml"] as Uint8Array);
}

describe("suggestions in exports", () => {
  it("counts pending suggestions and their authors from the model", () => {
    expect(pendingSuggestions(suggestedDocument())).toEqual({ count: 2, authors: ["Ann Analyst", "Bob Lawyer"] });
  });

  it("by default prints the text as if all were accepted, with a note saying how many are pending", async () => {
    const file = await renderExport(suggestedDocument(), "md");
    const md = file.body.toString("utf8");
    expect(md).toContain("2 suggestions are pending: this copy shows the text as if all were accepted.");
    expect(md).toContain("The budget is 12.");
    expect(md).not.toContain("10");
    expect(md).not.toContain("million");
  });

  it("DOCX with suggestions shown has real tracked changes: w:ins and w:del with author and date", async () => {
    const file = await renderExport(suggestedDocument(), "docx", { suggestions: "shown" });
    const xml = docxXml(file.body);
    const ins = [...xml.matchAll(/<w:ins\b([^>]*)>([\s\S]*?)<\/w:ins>/g)];
    const del = [...xml.matchAll(/<w:del\b([^>]*)>([\s\S]*?)<\/w:del>/g)];
    expect(ins.map((m) => [m[1]?.match(/w:author="([^"]*)"/)?.[1], m[2]?.match(/<w:t[^>]*>([^<]*)</)?.[1]])).toEqual([
      ["Ann Analyst", "12"],
    ]);
    expect(
      del.map((m) => [m[1]?.match(/w:author="([^"]*)"/)?.[1], m[2]?.match(/<w:delText[^>]*>([^<]*)</)?.[1]]),
    ).toEqual([
      ["Ann Analyst", "10"],
      ["Bob Lawyer", " million"],
    ]);
    for (const m of [...ins, ...del]) expect(m[1]).toContain('w:date="2026-12-05T08:00:00.000Z"');
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("DOCX by default has no tracked changes and the accepted text", async () => {
    const xml = docxXml((await renderExport(suggestedDocument(), "docx")).body);
    expect(xml).not.toMatch(/<w:(ins|del)\b/);
    expect(xml).toContain("2 suggestions are pending");
  });

  it("HTML with suggestions shown marks them with ins/del and a legend naming the authors", async () => {
    const html = (await renderExport(suggestedDocument(), "html", { suggestions: "shown" })).body.toString("utf8");
    expect(html).toMatch(/<del class="suggestion" title="Suggested deletion by Ann Analyst, 2026-12-05">10<\/del>/);
    expect(html).toMatch(/<ins class="suggestion" title="Suggested by Ann Analyst, 2026-12-05">12<\/ins>/);
    expect(html).toContain("2 suggestions are pending, by Ann Analyst, Bob Lawyer");
  });

  it("Markdown and PDF with suggestions shown use underline for insertions and strike for deletions", async () => {
    const md = (await renderExport(suggestedDocument(), "md", { suggestions: "shown" })).body.toString("utf8");
    expect(md).toContain("~~10~~");
    expect(md).toContain("The budget is ~~10~~++12++ ~~million~~.");
    const pdf = await renderExport(suggestedDocument(), "pdf", { suggestions: "shown" });
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("the share view shows the accepted text without suggestion marks", () => {
    const view = acceptedView(suggestedDocument());
    expect(pendingSuggestions(view).count).toBe(0);
    expect(JSON.stringify(view.blocks)).toContain("The budget is 12.");
  });

  it("as if accepted, a suggested deletion across a paragraph break joins the two paragraphs, as in the editor", async () => {
    const schema = editorSchema();
    let state = EditorState.create({
      schema,
      doc: PmNode.fromJSON(schema, {
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "First part ends" }] },
          { type: "paragraph", content: [{ type: "text", text: "here and second part." }] },
          { type: "paragraph", content: [{ type: "text", text: "Closing." }] },
        ],
      }),
    });
    const from = state.doc.textContent.indexOf(" ends") + 1;
    const to = from + " ends".length + 2 + "here".length;
    const out = suggestTransaction(state.tr.delete(from, to), state, ANN);
    if (!out.ok) throw new Error(out.reason);
    state = state.apply(out.tr);
    const doc = buildDoc(blocksOf(state.doc.toJSON() as JSONContent, noEmbeds));
    const md = (await renderExport(doc, "md")).body.toString("utf8");
    expect(md).toContain("First part and second part.\n\nClosing.");
    const view = acceptedView(doc);
    expect(view.blocks.map((b) => b.type)).toEqual(["paragraph", "paragraph"]);
    // Shown, the two paragraphs stay apart with the deletion marked in each.
    const shown = (await renderExport(doc, "md", { suggestions: "shown" })).body.toString("utf8");
    expect(shown).toMatch(/First part ?~~ ?ends~~\n\n~~here~~ and second part\./);
  });

  it("parses ?suggestions= and refuses other values", () => {
    expect(parseRenderOptions(new URLSearchParams("suggestions=shown"))).toEqual({ suggestions: "shown" });
    expect(parseRenderOptions(new URLSearchParams(""))).toEqual({});
    expect(() => parseRenderOptions(new URLSearchParams("suggestions=all"))).toThrow(/accepted\|shown/);
  });
});
