import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Block, ExportDocument } from "../types";
import { toDocx } from "./index";

const text = (t: string) => ({ type: "text" as const, text: t, marks: {} });
const heading = (t: string, level: 1 | 2 | 3 | 4): Block => ({ type: "heading", level, inlines: [text(t)] });

const DOC: ExportDocument = {
  briefingId: "b1",
  title: "Structured briefing",
  authors: ["Olivia Owner", "Eddie Editor"],
  date: "5 December 2026",
  exportedAt: "5 December 2026, 09:30 UTC",
  classification: "",
  blocks: [
    heading("Background", 1),
    heading("Detail", 2),
    heading("Frameworks", 1),
    {
      type: "card",
      card: {
        slug: "ta",
        name: "Test Alliance",
        acronym: null,
        status: "Active",
        mode: "live",
        note: "Live: current catalog",
        facts: [{ label: "Decision rule", value: "Consensus", refs: [1, 2] }],
        summary: "",
        url: null,
        found: true,
      },
    },
    {
      type: "matrix",
      matrix: {
        title: "Alliance comparison",
        corner: "Dimension",
        columns: ["TA", "OP"],
        rows: [
          { kind: "group", label: "Governance" },
          {
            kind: "row",
            label: "Interoperability requirements",
            cells: [
              { text: "Yes", refs: [1] },
              { text: "No", refs: [] },
            ],
          },
        ],
        notices: [],
        found: true,
      },
    },
    {
      type: "table",
      rows: [
        [
          { header: true, colspan: 1, rowspan: 1, blocks: [{ type: "paragraph", inlines: [text("Option")] }] },
          { header: true, colspan: 1, rowspan: 1, blocks: [{ type: "paragraph", inlines: [text("Cost")] }] },
        ],
        [
          { header: false, colspan: 1, rowspan: 1, blocks: [{ type: "paragraph", inlines: [text("A")] }] },
          { header: false, colspan: 1, rowspan: 1, blocks: [{ type: "paragraph", inlines: [text("Low")] }] },
        ],
      ],
    },
  ],
  sources: [1, 2].map((n) => ({
    n,
    title: `Source ${n}`,
    url: `https://example.org/${n}`,
    rawUrl: `https://example.org/${n}`,
    publisher: null,
    accessed: null,
  })),
};

async function parts(doc: ExportDocument, toc?: boolean) {
  const files = unzipSync(new Uint8Array(await toDocx(doc, toc === undefined ? {} : { toc })));
  const read = (name: string) => strFromU8(files[name]!);
  return { document: read("word/document.xml"), styles: read("word/styles.xml"), core: read("docProps/core.xml") };
}

const styleXml = (styles: string, id: string) =>
  new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? "";

describe("DOCX structure", () => {
  it("gives heading styles outline levels, links use the Hyperlink character style, and declares the language", async () => {
    const { styles, core } = await parts(DOC);
    ["Heading1", "Heading2", "Heading3", "Heading4"].forEach((id, level) => {
      expect(styleXml(styles, id)).toContain(`<w:outlineLvl w:val="${level}"/>`);
    });
    expect(styleXml(styles, "Hyperlink")).toMatch(/w:type="character"[\s\S]*<w:u w:val="single"\/>/);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"\/>[\s\S]*<\/w:docDefaults>/);
    expect(core).toContain("<cp:lastModifiedBy>Olivia Owner</cp:lastModifiedBy>");
  });

  it("links citations to bookmarked Sources entries and each entry back to its first citation", async () => {
    const { document } = await parts(DOC);
    const bookmarks = [...document.matchAll(/<w:bookmarkStart w:name="(\w+)"/g)].map((m) => m[1]);
    expect(bookmarks).toEqual(expect.arrayContaining(["cite_1", "cite_2", "source_1", "source_2"]));
    const anchors = [...document.matchAll(/<w:hyperlink [^>]*w:anchor="(\w+)"/g)].map((m) => m[1]);
    // Card [1][2], matrix [1]; the entries link back to the first citations.
    expect(anchors.filter((a) => a?.startsWith("source_"))).toEqual(["source_1", "source_2", "source_1"]);
    expect(anchors.filter((a) => a?.startsWith("cite_"))).toEqual(["cite_1", "cite_2"]);
    for (const anchor of anchors) expect(bookmarks).toContain(anchor);
    expect(document).toContain("Live catalog data as of 5 December 2026, 09:30 UTC");
  });

  it("writes a table-of-contents field from three headings on, or when asked, and not when told not to", async () => {
    const field = /<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-4&quot;<\/w:instrText>/;
    expect((await parts(DOC)).document).toMatch(field);
    expect((await parts(DOC, false)).document).not.toMatch(field);
    const short = { ...DOC, blocks: DOC.blocks.slice(0, 2) };
    expect((await parts(short)).document).not.toMatch(field);
    expect((await parts(short, true)).document).toMatch(field);
  });

  it("sets matrix column widths with a wide label column, bold header rows, and captions with alt text", async () => {
    const { document } = await parts(DOC);
    const tables = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const matrix = tables.find((t) => t.includes("Interoperability requirements"))!;
    const grid = [...matrix.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(3);
    expect(grid[0]).toBeGreaterThan(grid[1]!);
    expect(matrix).toContain('<w:tblLayout w:type="fixed"/>');
    expect(matrix).toContain('<w:tblCaption w:val="Comparison: Alliance comparison"/>');
    expect(matrix).toMatch(/<w:tblDescription w:val="Comparison table of 2 frameworks: TA, OP."\/>/);
    const table = tables.find((t) => t.includes("Option"))!;
    expect(table).toMatch(/<w:b\/>[\s\S]*?<w:t xml:space="preserve">Option<\/w:t>/);
    expect(table).toMatch(/<w:tblCaption w:val="Table"\/>/);
    expect(document).toMatch(/<w:pStyle w:val="Caption"\/>[\s\S]*?Comparison: Alliance comparison/);
  });
});
