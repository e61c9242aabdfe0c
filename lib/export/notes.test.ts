import type { JSONContent } from "@tiptap/core";
import { strFromU8, unzipSync } from "fflate";
import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { snapshotOf } from "@/lib/editor/framework-snapshot";
import { editorSchema } from "@/lib/editor/schema";
import { buildDoc } from "@/lib/test/export-documents";
import { buildFrameworkDetail } from "@/lib/test/fixtures";
import { resolveContent } from "./document";
import { toDocx } from "./docx";
import { toHtml } from "./html";
import { toMarkdown } from "./markdown";
import { toPdf } from "./pdf";
import type { ExportDocument } from "./types";

// Footnotes, citations, a table of contents block and a callout, from the editor's JSON through
// the export model into every format.

const TREATY = {
  title: "The North Atlantic Treaty",
  url: "https://www.nato.int/treaty",
  publisher: "NATO",
  accessed: null,
};
const RULES = { title: "Decision rules", url: "https://example.org/rules", publisher: null, accessed: null };

const t = (text: string, marks?: JSONContent["marks"]) =>
  marks ? { type: "text", text, marks } : { type: "text", text };
const p = (...content: JSONContent[]) => ({ type: "paragraph", content });
const h = (level: number, text: string) => ({ type: "heading", attrs: { level }, content: [t(text)] });
const note = (text: string) => ({ type: "footnote", content: text ? [t(text)] : [] });
const cite = (sources: unknown, label = "NATO: Decision rule") => ({
  type: "citation",
  attrs: { slug: "nato", dimension: "decision_rule", label, sources: JSON.stringify(sources) },
});

function pinnedCard(): JSONContent {
  const snapshot = snapshotOf(
    buildFrameworkDetail({
      groups: [
        {
          group: "Commitments",
          attributes: [
            {
              key: "collective_defence_clause",
              label: "Collective defence clause",
              group: "Commitments",
              valueType: "text",
              value: "Article 5",
              display: "Article 5",
              note: null,
              asOf: null,
              reviewDue: null,
              sources: [{ ...TREATY, type: "official" }],
            },
          ],
        },
      ],
    }),
  );
  return {
    type: "frameworkCard",
    attrs: { slug: "nato", mode: "pinned", pinnedAt: "2026-11-27T10:00:00.000Z", snapshot: JSON.stringify(snapshot) },
  };
}

const JSON_DOC: JSONContent = {
  type: "doc",
  content: [
    { type: "callout", attrs: { variant: "bluf" }, content: [p(t("Allies agree by consensus."))] },
    { type: "tableOfContents" },
    h(1, "Background"),
    pinnedCard(),
    p(t("Decisions are taken together"), cite([RULES, TREATY]), t(" as the treaty says"), note("See Article 4.")),
    h(2, "Options"),
    p(t("An empty note adds nothing"), note(""), t(", a second one"), note("Also annex B."), t(".")),
    p(t("A broken citation"), cite("not json", "Broken")),
  ],
};

// A catalog without frameworks: the pinned card is drawn from its snapshot.
const emptyCatalog = { framework: { findMany: () => Promise.resolve([]) } } as unknown as Db;

async function exported(): Promise<ExportDocument> {
  // The JSON must be valid for the editor's schema, or the editor could not have written it.
  editorSchema().nodeFromJSON(JSON_DOC).check();
  const content = await resolveContent(emptyCatalog, "b1", JSON_DOC, { baseUrl: "https://briefings.example.org" });
  return buildDoc(content.blocks, { sources: content.sources, notes: content.notes });
}

describe("footnotes and citations in the export model", () => {
  it("numbers citations with the cards' sources (one number per source) and footnotes in their own sequence", async () => {
    const doc = await exported();
    // The card cites the treaty first ([1]); the citation cites the rules (new: [2]) and the treaty again.
    expect(doc.sources.map((s) => [s.n, s.title])).toEqual([
      [1, TREATY.title],
      [2, RULES.title],
    ]);
    const body = doc.blocks.find((b) => b.type === "paragraph" && b.inlines.some((i) => i.type === "cite"));
    expect(body?.type === "paragraph" && body.inlines).toEqual([
      { type: "text", text: "Decisions are taken together", marks: {} },
      { type: "cite", refs: [1, 2] },
      { type: "text", text: " as the treaty says", marks: {} },
      { type: "note", n: 1 },
    ]);
    // The empty note got no number; the next one is 2.
    expect(doc.notes?.map((n) => [n.n, n.inlines])).toEqual([
      [1, [{ type: "text", text: "See Article 4.", marks: {} }]],
      [2, [{ type: "text", text: "Also annex B.", marks: {} }]],
    ]);
    // A citation whose stored sources do not parse cites nothing and keeps its label as text.
    const broken = doc.blocks.at(-1);
    expect(broken?.type === "paragraph" && broken.inlines.map((i) => (i.type === "text" ? i.text : i.type))).toEqual([
      "A broken citation[Broken]",
    ]);
    expect(doc.blocks[0]).toMatchObject({ type: "callout", variant: "bluf", title: "Bottom line up front" });
    expect(doc.blocks[1]).toEqual({ type: "toc" });
  });
});

describe("footnotes, citations, TOC blocks and callouts in every format", () => {
  it("Markdown: GFM footnotes for citations and notes, a linked contents list, the callout as a titled quote", async () => {
    const markdown = toMarkdown(await exported());
    expect(markdown).toContain("Decisions are taken together[^1][^2] as the treaty says[^note-1]");
    const definitions = [...markdown.matchAll(/^\[\^([\w-]+)\]: (.*)$/gm)].map((m) => m[1]);
    expect(definitions).toEqual(["note-1", "note-2", "1", "2"]);
    expect(markdown).toMatch(/^\[\^note-1\]: See Article 4\.$/m);
    expect(markdown.indexOf("[^note-1]: ")).toBeGreaterThan(markdown.indexOf("## Notes"));
    expect(markdown.indexOf("## Notes")).toBeLessThan(markdown.indexOf("## Sources"));
    // Every reference has a definition (GFM drops a reference without one to plain text).
    const references = new Set([...markdown.matchAll(/\[\^([\w-]+)\](?!:)/g)].map((m) => m[1]));
    expect([...references].sort()).toEqual([...definitions].sort());

    // markdown-it with its footnote plugin links each reference to its note or source.
    const noted = new MarkdownIt().use(footnote).parse(markdown, {});
    const refs = noted.flatMap((tok) => tok.children ?? []).filter((tok) => tok.type === "footnote_ref");
    expect(new Set(refs.map((tok) => tok.meta?.label))).toEqual(references);
    // (the plugin lists the notes in the order they are first referred to)
    const listed = noted.filter((tok) => tok.type === "footnote_open").map((tok) => tok.meta?.label);
    expect(listed.sort()).toEqual([...definitions].sort());

    const tokens = new MarkdownIt().parse(markdown, {});
    const links = tokens
      .flatMap((tok) => tok.children ?? [])
      .filter((tok) => tok.type === "link_open")
      .map((tok) => tok.attrGet("href"));
    expect(links).toEqual(expect.arrayContaining(["#background", "#options"]));
    // The callout: a blockquote whose first paragraph is the bold title.
    const quote = tokens.findIndex((tok) => tok.type === "blockquote_open");
    expect(tokens[quote + 2]?.content).toBe("**Bottom line up front**");
  });

  it("HTML: note marks link to the Notes and back; the TOC sits where the author put it; the callout is an aside", async () => {
    const html = toHtml(await exported());
    expect(html).toContain('<sup class="noteref"><a id="noteref_1" href="#note_1" aria-label="Footnote 1">1</a></sup>');
    expect(html).toMatch(/<li id="note_2" value="2">Also annex B\. <a class="back" href="#noteref_2"/);
    expect(html).toContain('<a class="ref" id="cite_2" href="#source_2">[2]</a>');
    // One table of contents, after the callout and before the first heading (not after the title).
    expect(html.match(/<nav class="toc"/g)).toHaveLength(1);
    const toc = html.indexOf('<nav class="toc"');
    expect(toc).toBeGreaterThan(html.indexOf('<aside class="callout callout--bluf"'));
    expect(toc).toBeLessThan(html.indexOf('<h2 id="background">'));
    expect(html).toContain('<a href="#options">Options</a>');
    expect(html).toContain(
      '<aside class="callout callout--bluf" aria-label="Bottom line up front"><p class="callout-title">Bottom line up front</p><p>Allies agree by consensus.</p></aside>',
    );
  });

  it("DOCX: real Word footnotes, citations linked to bookmarks, a TOC field where the block is", async () => {
    const files = unzipSync(new Uint8Array(await toDocx(await exported())));
    const footnotes = strFromU8(files["word/footnotes.xml"]!);
    expect(footnotes).toContain("See Article 4.");
    expect(footnotes).toContain("Also annex B.");
    const document = strFromU8(files["word/document.xml"]!);
    expect(document.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    expect(document).toContain('w:anchor="source_2"');
    // The TOC field comes after the callout's text and before the first heading.
    const field = document.indexOf("TOC \\h \\o");
    expect(field).toBeGreaterThan(document.indexOf("Allies agree by consensus."));
    expect(field).toBeLessThan(document.indexOf('<w:pStyle w:val="Heading1"/>'));
    expect(document).toContain("BOTTOM LINE UP FRONT");
  });

  it("PDF: footnote marks link to the Notes and back, the Notes are listed before the Sources", async () => {
    const pdf = await toPdf(await exported());
    const raw = pdf.toString("latin1");
    for (const name of ["note_1", "noteref_1", "note_2", "source_2", "background"]) expect(raw).toContain(`(${name})`);
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const { text } = await parser.getText();
      expect(text).toContain("BOTTOM LINE UP FRONT");
      expect(text).toMatch(/Notes[\s\S]*See Article 4\.[\s\S]*Also annex B\.[\s\S]*Sources/);
      expect(text).toContain("Contents");
    } finally {
      await parser.destroy();
    }
  });
});
