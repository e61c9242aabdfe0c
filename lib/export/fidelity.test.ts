import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";
import MarkdownIt from "markdown-it";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { createExportFixture } from "@/lib/test/export-fixture";
import { loadExportDocument } from "./document";
import { toDocx } from "./docx";
import { toHtml } from "./html";
import { toMarkdown } from "./markdown";
import { toPdf } from "./pdf";
import type { ExportDocument } from "./types";

const NOW = new Date("2026-11-27T12:00:00Z");
const BASE = "https://briefings.example.org";
const HEADINGS = ["Baltic deterrence options", "Background", "Force posture table", "Frameworks"];
const CARD_FACTS: [string, string][] = [
  ["Kind", "Collective-defence alliance"],
  ["Headquarters", "Brussels, Belgium"],
  ["Decision rule", "Consensus [1][2]"],
  ["Kind", "Bilateral defence treaty"],
  ["Members at end", "8"],
  ["Legally binding", "Yes [3]"],
];
const SOURCE_TITLES = ["Founding treaty text", "Rules of procedure", "Archived communique", "Other pact charter"];
const SOURCE_URLS = [
  "https://example.org/treaty",
  "https://example.org/rules",
  "https://example.org/archive/communique",
  "https://example.org/pact-charter",
];

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

/** Text of a markdown-it inline token, with line breaks (hard breaks and <br>) as "\n". */
function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .map((c) => (c.type === "text" ? c.content : c.type === "hardbreak" || c.content.startsWith("<br") ? "\n" : ""))
    .join("");
}

function parseMarkdown(markdown: string) {
  const tokens = new MarkdownIt({ html: true }).parse(markdown, {});
  const headings: [string, string][] = [];
  const cells: string[] = [];
  const links: string[] = [];
  let listDepth = 0;
  let maxListDepth = 0;
  tokens.forEach((t, i) => {
    if (t.type === "heading_open") headings.push([t.tag, inlineText(tokens[i + 1])]);
    if (t.type === "th_open" || t.type === "td_open") cells.push(inlineText(tokens[i + 1]));
    if (t.type.endsWith("list_open")) maxListDepth = Math.max(maxListDepth, ++listDepth);
    if (t.type.endsWith("list_close")) listDepth--;
    for (const child of t.children ?? [])
      if (child.type === "link_open") links.push(String(child.attrGet("href") ?? ""));
  });
  return { headings, cells, links, maxListDepth };
}

describe.each(PROVIDERS)("export fidelity on %s", (provider) => {
  let t: TestDatabase;
  let doc: ExportDocument;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const fixture = await createExportFixture(t.db);
    doc = (await loadExportDocument(t.db, fixture.briefingId, { now: NOW, baseUrl: BASE }))!;
  });
  afterAll(() => t?.drop());

  it("reads the current Yjs document, not the stale derived JSON, with title-page facts", async () => {
    const stale = await t.db.briefing.findUniqueOrThrow({
      where: { id: doc.briefingId },
      select: { contentJson: true },
    });
    expect(stale.contentJson).not.toContain("Baltic deterrence options");
    expect(doc.title).toBe("Baltic posture review");
    expect(doc.authors).toEqual(["Olivia Owner", "Eddie Editor"]);
    expect(doc.date).toBe("27 November 2026");
    expect(doc.classification).toBe("UNCLASSIFIED // FOR OFFICIAL USE");
    expect(doc.blocks.map((b) => b.type)).toEqual([
      ...["heading", "paragraph", "heading", "list", "list", "blockquote", "heading", "table", "rule", "heading"],
      ...["card", "card", "matrix", "paragraph"],
    ]);
    expect(doc.sources.map((s) => [s.n, s.url])).toEqual(SOURCE_URLS.map((url, i) => [i + 1, url]));
  });

  it("writes GitHub-flavoured Markdown that markdown-it reads back with the same headings, cells and links", () => {
    const markdown = toMarkdown(doc);
    expect(markdown).toContain(
      "Plain, **bold**, *italic*, ++underlined++, ~~struck~~ and [a link to NATO](https://www.nato.int/).\\\n",
    );
    const parsed = parseMarkdown(markdown);
    expect(parsed.headings).toEqual([
      ["h1", "Baltic posture review"],
      ["h2", HEADINGS[0]],
      ["h3", HEADINGS[1]],
      ["h4", HEADINGS[2]],
      ["h5", HEADINGS[3]],
      ["h2", "Sources"],
    ]);
    // The document table (with its empty and its two-paragraph cell), then the two cards' facts, then the matrix.
    expect(parsed.cells.slice(0, 9)).toEqual([
      "Option",
      "Cost",
      "Notes",
      "Option A",
      "",
      "First note.\nSecond note.",
      "Option B",
      "High",
      "Needs host-nation support.",
    ]);
    // Citations are GFM footnote references (markdown-it without a footnote plugin shows them as text).
    const footnoted = (v: string) => v.replace(/\[(\d+)\]/g, "[^$1]");
    for (const [label, value] of CARD_FACTS) expect(parsed.cells.join("|")).toContain(`${label}|${footnoted(value)}`);
    expect(parsed.cells.slice(-15)).toEqual([
      ...["Dimension", "TA", "OP", "Commitments", "", ""],
      ...["Collective-defence clause", "Yes [^1]", "No [^4]", "Governance", "", ""],
      ...["Decision rule", "Consensus [^1][^2]", "Majority [^4]"],
    ]);
    expect(parsed.links).toEqual(
      expect.arrayContaining([
        "https://www.nato.int/",
        "mailto:desk@example.org",
        `${BASE}/frameworks/test-alliance`,
        ...SOURCE_URLS,
      ]),
    );
    expect(parsed.maxListDepth).toBe(2);
    expect(markdown).toMatch(
      /^\[\^1\]: \\\[1\\\] \[Founding treaty text\]\(https:\/\/example\.org\/treaty\)\. Treaty Office\./m,
    );
  });

  it("writes standalone HTML with every node type and no scripts", () => {
    const html = toHtml(doc);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
    for (const fragment of [
      // The editor's anchors (lib/editor/outline.ts), so #frameworks works in the editor and the file.
      '<h2 id="baltic-deterrence-options">Baltic deterrence options</h2>',
      '<h5 id="frameworks">Frameworks</h5>',
      "<strong>bold</strong>",
      "<u>underlined</u>",
      "<s>struck</s>",
      '<a href="https://www.nato.int/" rel="noopener noreferrer">a link to NATO</a>.<br>After a line break.',
      "<ul><li><p>Forward presence</p>\n<ul><li><p>Battlegroups in eight states</p></li></ul></li>",
      "<blockquote><p>Deterrence is a state of mind.</p></blockquote>",
      "<td></td>",
      "<td><p>First note.</p>\n<p>Second note.</p></td>",
      "<hr>",
      '<dt>Decision rule</dt><dd>Consensus<a class="ref" href="#source_1">[1]</a><a class="ref" id="cite_2" href="#source_2">[2]</a></dd>',
      "<caption>Comparison: Alliance comparison</caption>",
      '<td>No<a class="ref" id="cite_4" href="#source_4">[4]</a></td>',
      '<li id="source_3" value="3"><a href="https://example.org/archive/communique" rel="noopener noreferrer">Archived communique</a>',
      '<p class="marking">UNCLASSIFIED // FOR OFFICIAL USE</p>',
    ]) {
      expect(html).toContain(fragment);
    }
  });

  it("writes a DOCX that mammoth reads back with headings, lists, tables, card facts and sources", async () => {
    const docx = await toDocx(doc);
    const { value: converted } = await mammoth.convertToHtml({ buffer: docx });
    // Citations link to bookmarks (source_n, cite_n); headings carry the TOC's bookmarks.
    expect(converted).toContain('<a href="#source_1">[1]</a>');
    const html = converted.replace(/<a id="[^"]*"><\/a>/g, "").replace(/<a href="#\w+">(.*?)<\/a>/g, "$1");
    HEADINGS.forEach((heading, i) => {
      expect(html).toContain(`<h${i + 1}>${heading}</h${i + 1}>`);
    });
    expect(html).toContain("<h1>Sources</h1>");
    expect(html).toContain(
      '<strong>bold</strong>, <em>italic</em>, underlined, <s>struck</s> and <a href="https://www.nato.int/">a link to NATO</a>.<br />After a line break.',
    );
    expect(html).toContain(
      "<ul><li>Forward presence<ul><li>Battlegroups in eight states</li></ul></li><li>Air policing</li></ul>",
    );
    expect(html).toContain("<ol><li>First step<ol><li>Nested step</li></ol></li><li>Second step</li></ol>");
    expect(html).toContain("<p>First note.</p><p>Second note.</p>");
    for (const [label, value] of CARD_FACTS) expect(html).toContain(`<strong>${label}: </strong>${value}`);
    expect(html).toContain("<td><p>Consensus [1][2]</p></td><td><p>Majority [4]</p></td>");
    SOURCE_TITLES.forEach((title, i) => {
      expect(html).toContain(`<strong>[${i + 1}]</strong> <a href="${SOURCE_URLS[i]}">${title}</a>`);
    });
    const files = unzipSync(new Uint8Array(docx));
    const parts = Object.keys(files);
    const header = strFromU8(
      files[parts.find((p) => /^word\/header\d+\.xml$/.test(p) && strFromU8(files[p]!).includes("UNCLASSIFIED"))!]!,
    );
    expect(header).toContain("UNCLASSIFIED // FOR OFFICIAL USE");
    const footers = parts.filter((p) => /^word\/footer\d+\.xml$/.test(p)).map((p) => strFromU8(files[p]!));
    expect(footers.some((f) => f.includes("PAGE") && f.includes("NUMPAGES"))).toBe(true);
  });

  it("writes a PDF whose extracted text has the title page, every heading, card field and source, and page numbers", async () => {
    const pdf = await toPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const { text, total, pages } = await parser.getText();
      const flat = text.replace(/\s+/g, " ");
      expect(pages[0]!.text).toMatch(/Baltic posture review[\s\S]*Olivia Owner, Eddie Editor[\s\S]*27 November 2026/);
      expect(pages[0]!.text).toContain("UNCLASSIFIED // FOR OFFICIAL USE");
      for (const heading of [...HEADINGS, "Sources"]) expect(flat).toContain(heading);
      for (const [label, value] of CARD_FACTS) {
        expect(flat).toContain(label.toUpperCase());
        expect(flat).toContain(value);
      }
      expect(flat).toContain("Plain, bold, italic, underlined, struck and a link to NATO.");
      expect(flat).toMatch(/First note\.\s?Second note\./);
      expect(flat).toContain("Comparison: Alliance comparison");
      SOURCE_TITLES.forEach((title, i) => {
        expect(flat).toContain(`[${i + 1}] ${title}`);
      });
      for (const url of SOURCE_URLS) expect(flat).toContain(url);
      for (let page = 2; page <= total; page++) expect(pages[page - 1]!.text).toContain(`Page ${page} of ${total}`);
    } finally {
      await parser.destroy();
    }
  });

  it("keeps text beyond Windows-1252 (Turkish, Cyrillic, Greek) in the PDF with embedded fonts", async () => {
    const words = "Türkiye Şubat ДОВСЕ Ελλάδα Việt Nam";
    const unicodeDoc: ExportDocument = {
      ...doc,
      title: "Черноморская безопасность",
      blocks: [{ type: "paragraph", inlines: [{ type: "text", text: words, marks: {} }] }, ...doc.blocks],
    };
    const parser = new PDFParse({ data: new Uint8Array(await toPdf(unicodeDoc)) });
    try {
      const flat = (await parser.getText()).text.replace(/\s+/g, " ");
      expect(flat).toContain("Черноморская безопасность");
      expect(flat).toContain(words);
      expect(flat).toContain("[1] "); // the rest of the briefing is still there
    } finally {
      await parser.destroy();
    }
  });
});
