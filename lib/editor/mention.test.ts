// A mention in the document text: the shared schema accepts it, the Yjs round trip keeps its
// attributes, and derived text and every export format show it as "@Name" (never the user id).
import { getText, getTextSerializersFromSchema } from "@tiptap/core";
import mammoth from "mammoth";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { deriveBriefingContent } from "@/lib/briefings/doc/content";
import { prosemirrorJsonToYUpdate, yDocFromUpdates } from "@/lib/briefings/doc/ydoc";
import { blocksOf } from "@/lib/export/blocks";
import { toDocx } from "@/lib/export/docx";
import { toHtml } from "@/lib/export/html";
import { toMarkdown } from "@/lib/export/markdown";
import { toPdf } from "@/lib/export/pdf";
import type { ExportDocument } from "@/lib/export/types";
import { mentionedUserIds, mentionText } from "./mention-text";
import { editorSchema } from "./schema";

const USER_ID = "user_secret_id_42";
const doc = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Ask " },
        { type: "mention", attrs: { id: USER_ID, label: "Bob Smith", mentionSuggestionChar: "@" } },
        { type: "text", text: " about the annex." },
      ],
    },
    { type: "paragraph", content: [{ type: "mention", attrs: { id: "other", label: null } }] },
  ],
};
const noEmbeds = {
  card: () => {
    throw new Error("no cards here");
  },
  comparison: () => {
    throw new Error("no comparisons here");
  },
};

describe("mentions in the document text", () => {
  it("are part of the one schema and survive the Yjs round trip with their attributes", () => {
    expect(() => editorSchema().nodeFromJSON(doc).check()).not.toThrow();
    const ydoc = yDocFromUpdates([prosemirrorJsonToYUpdate(doc)]);
    const derived = deriveBriefingContent(ydoc, "mention-test");
    expect(derived.json.content?.[0]?.content?.[1]).toEqual({
      type: "mention",
      attrs: { id: USER_ID, label: "Bob Smith", mentionSuggestionChar: "@" },
    });
    expect(derived.text).toBe("Ask @Bob Smith about the annex.\n@someone");
    expect([...mentionedUserIds(derived.json)].sort()).toEqual(["other", USER_ID].sort());
  });

  it("render as @Name in the editor's DOM and copied text, with the id only as an attribute", () => {
    const schema = editorSchema();
    const node = schema.nodeFromJSON(doc);
    const text = getText(node, { blockSeparator: "\n", textSerializers: getTextSerializersFromSchema(schema) });
    expect(text).toBe("Ask @Bob Smith about the annex.\n@someone");
    const mention = node.firstChild?.child(1);
    const dom = mention && schema.nodes.mention?.spec.toDOM?.(mention);
    expect(dom).toEqual(["span", expect.objectContaining({ "data-id": USER_ID, class: "mention" }), "@Bob Smith"]);
    expect(mentionText({ label: "  " })).toBe("@someone");
  });

  it("export as @Name text to Markdown, HTML, DOCX and PDF", async () => {
    const exported: ExportDocument = {
      briefingId: "b1",
      title: "Mentions",
      authors: [],
      date: "5 December 2026",
      exportedAt: "5 December 2026, 10:00 UTC",
      classification: "",
      blocks: blocksOf(doc, noEmbeds),
      sources: [],
    };
    expect(exported.blocks[0]).toEqual({
      type: "paragraph",
      inlines: [{ type: "text", text: "Ask @Bob Smith about the annex.", marks: {} }],
    });
    const markdown = toMarkdown(exported);
    expect(markdown).toContain("Ask @Bob Smith about the annex.");
    const html = toHtml(exported);
    expect(html).toContain("Ask @Bob Smith about the annex.");
    const { value: docxText } = await mammoth.extractRawText({ buffer: Buffer.from(await toDocx(exported)) });
    expect(docxText).toContain("Ask @Bob Smith about the annex.");
    const parser = new PDFParse({ data: new Uint8Array(await toPdf(exported)) });
    try {
      expect((await parser.getText()).text.replace(/\s+/g, " ")).toContain("Ask @Bob Smith about the annex.");
    } finally {
      await parser.destroy();
    }
    for (const output of [markdown, html, docxText]) expect(output).not.toContain(USER_ID);
  });
});
