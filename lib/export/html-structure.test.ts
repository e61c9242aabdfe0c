import { chromium } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { buildDoc, heading, para, STRUCTURED } from "@/lib/test/export-documents";
import { toHtml } from "./html";

describe("HTML structure", () => {
  it("gives sections ids and a table of contents linking to them, in the document's language", () => {
    const html = toHtml(STRUCTURED);
    expect(html).toContain('<html lang="en-GB">');
    // Ids are the editor's heading anchors (lib/editor/outline.ts), not "section-n".
    expect(html).toContain('<h2 id="background">Background</h2>');
    expect(html).toContain('<h3 id="options">Options</h3>');
    expect(html).toMatch(
      /<nav class="toc" aria-label="Contents">[\s\S]*<a href="#background">Background<\/a>[\s\S]*<li class="toc-2"><a href="#options">Options<\/a>/,
    );
    expect(toHtml(STRUCTURED, { toc: false })).not.toContain('class="toc"');
    expect(toHtml(buildDoc([heading("Only"), para("x")]))).not.toContain('class="toc"');
  });

  it("links citations to Sources and the Sources back to the first citation; live cards say when", () => {
    const html = toHtml(STRUCTURED);
    expect(html).toContain('<a class="ref" id="cite_1" href="#source_1">[1]</a>');
    expect(html).toContain('<a class="ref" href="#source_1">[1]</a>'); // later citations: no second id
    expect(html).toMatch(/<li id="source_1" value="1">[\s\S]*?<a class="back" href="#cite_1"/);
    expect(html).toContain("Live catalog data as of 5 December 2026, 09:30 UTC");
    expect(html).toMatch(/h1, h2, h3, h4, h5 \{[^}]*break-after: avoid; page-break-after: avoid/);
  });

  it("prints the marking at the top and bottom of every page in Chromium", async () => {
    const long = buildDoc(
      Array.from({ length: 60 }, (_, i) => para(`Paragraph ${i}. ${"Enough words to fill a line or two. ".repeat(5)}`)),
      { classification: "SECRET // REL TO TEST" },
    );
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu"],
    });
    let pdf: Buffer;
    try {
      const page = await browser.newPage();
      await page.setContent(toHtml(long));
      pdf = await page.pdf({ preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const { pages } = await parser.getText();
      expect(pages.length).toBeGreaterThan(2);
      for (const { text } of pages) {
        // Chromium also prints the page counter of the @page margin box ("1 / 4").
        const lines = text.split("\n").filter((l) => l.trim() && !/^\d+ \/ \d+$/.test(l.trim()));
        expect(lines[0]).toBe("SECRET // REL TO TEST");
        expect(lines.slice(-2).join(" ")).toContain("SECRET // REL TO TEST");
      }
    } finally {
      await parser.destroy();
    }
  }, 60_000);
});
