import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { snapshotOf } from "@/lib/editor/framework-snapshot";
import { editorSchema } from "@/lib/editor/schema";
import { buildFrameworkDetail } from "@/lib/test/fixtures";
import { blocksOf, HANDLED_MARK_TYPES, HANDLED_NODE_TYPES } from "./blocks";
import { parseCardSnapshot, resolveCard } from "./cards";
import { contentDisposition } from "./filename";
import { inlineMd } from "./markdown";
import { needsUnicodeFonts, pdfText } from "./pdf/text";
import { SourceRegistry } from "./sources";
import type { Inline, Marks } from "./types";
import { safeUrl } from "./urls";

const noEmbeds = {
  card: () => {
    throw new Error("no cards here");
  },
  comparison: () => {
    throw new Error("no comparisons here");
  },
};

describe("export model", () => {
  it("handles every node and mark type of the editor schema", () => {
    const schema = editorSchema();
    expect(Object.keys(schema.nodes).filter((n) => !HANDLED_NODE_TYPES.includes(n))).toEqual([]);
    expect(Object.keys(schema.marks).filter((m) => !HANDLED_MARK_TYPES.includes(m))).toEqual([]);
  });

  it("keeps the text of node types it does not know and clamps odd attributes", () => {
    const blocks = blocksOf(
      {
        type: "doc",
        content: [
          { type: "sidebar", content: [{ type: "paragraph", content: [{ type: "text", text: "Inside" }] }] },
          { type: "mention", attrs: { id: "x" }, text: "@someone" },
          { type: "heading", attrs: { level: 9 }, content: [{ type: "text", text: "Deep" }] },
          { type: "orderedList", attrs: { start: "3" }, content: [{ type: "listItem", content: [] }] },
        ],
      },
      noEmbeds,
    );
    expect(blocks).toEqual([
      { type: "paragraph", inlines: [{ type: "text", text: "Inside", marks: {} }] },
      { type: "paragraph", inlines: [{ type: "text", text: "@someone", marks: {} }] },
      { type: "heading", level: 4, inlines: [{ type: "text", text: "Deep", marks: {} }] },
      { type: "list", ordered: true, start: 3, items: [[]] },
    ]);
  });

  it("allows only absolute http, https and mailto links", () => {
    expect(safeUrl("https://example.org/a b")).toBe("https://example.org/a%20b");
    expect(safeUrl(" mailto:desk@example.org ")).toBe("mailto:desk@example.org");
    for (const bad of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "\u0001javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "/relative",
      "//evil.example/x",
      "https://",
      42,
    ]) {
      expect(safeUrl(bad), String(bad)).toBeNull();
    }
  });

  it("numbers sources once per URL, in citation order", () => {
    const registry = new SourceRegistry();
    const a = { title: "A", url: "https://example.org/a", publisher: null, accessed: "2026-11-27" };
    expect(registry.citeAll([a, { ...a, title: "A again" }, { ...a, url: "https://example.org/b" }])).toEqual([1, 2]);
    expect(registry.cite({ ...a, url: "https://example.org/b" })).toBe(2);
    expect(registry.entries.map((e) => [e.n, e.title, e.accessed])).toEqual([
      [1, "A", "27 Nov 2026"],
      [2, "A", "27 Nov 2026"],
    ]);
  });

  it("reads the snapshots the editor pins, with the cited values and their sources", () => {
    const pinned = snapshotOf(
      buildFrameworkDetail({
        summary: "The alliance.",
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
                sources: [
                  {
                    title: "The North Atlantic Treaty",
                    url: "https://www.nato.int/treaty",
                    publisher: "NATO",
                    accessed: null,
                    type: "official",
                  },
                ],
              },
              {
                key: "not_on_cards",
                label: "Not on cards",
                group: "Commitments",
                valueType: "text",
                value: "x",
                display: "x",
                note: null,
                asOf: null,
                reviewDue: null,
                sources: [
                  {
                    title: "Elsewhere",
                    url: "https://example.org/elsewhere",
                    publisher: null,
                    accessed: null,
                    type: "press",
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const registry = new SourceRegistry();
    const card = resolveCard(
      { slug: "nato", mode: "pinned", pinnedAt: "2026-11-20T09:00:00.000Z", snapshot: JSON.stringify(pinned) },
      new Map(),
      registry,
      (s) => `/frameworks/${s}`,
    );
    expect(registry.entries.map((e) => [e.n, e.url])).toEqual([[1, "https://www.nato.int/treaty"]]);
    expect(card).toMatchObject({
      name: "North Atlantic Treaty Organization",
      acronym: "NATO",
      note: "Pinned 20 Nov 2026",
    });
    expect(card.facts.map((f) => [f.label, f.value])).toEqual([
      ["Kind", "Collective-defence alliance"],
      ["Region", "Euro-Atlantic"],
      ["Years", "1949–"],
      ["Members", "32"],
      ["Headquarters", "Brussels, Belgium"],
      ["Collective defence clause", "Article 5"],
    ]);
    expect(card.facts.at(-1)?.refs).toEqual([1]);
  });

  it("reports a malformed pinned snapshot and falls back to the catalog", () => {
    expect(parseCardSnapshot("{not json")).toBeNull();
    expect(parseCardSnapshot(JSON.stringify({ slug: "x" }))).toBeNull();
    const live = new Map([["nato", { ...parseCardSnapshot(JSON.stringify({ name: "NATO live" }))!, slug: "nato" }]]);
    const card = resolveCard(
      { slug: "nato", mode: "pinned", pinnedAt: null, snapshot: "{oops" },
      live,
      new SourceRegistry(),
      (s) => `/frameworks/${s}`,
    );
    expect(card).toMatchObject({ name: "NATO live", note: "Pinned snapshot unreadable: current catalog shown" });
    const missing = resolveCard(
      { slug: "gone", mode: "live", pinnedAt: null, snapshot: null },
      live,
      new SourceRegistry(),
      (s) => s,
    );
    expect(missing).toMatchObject({ found: false, note: 'Framework "gone" is not in the catalog.' });
  });

  it("nests overlapping Markdown marks so that a parser reads them back", () => {
    const t = (text: string, marks: Marks): Inline => ({ type: "text", text, marks });
    const markdown = inlineMd([
      t("plain ", {}),
      t("bold ", { bold: true }),
      t("both", { bold: true, italic: true }),
      t(" linked", { bold: true, href: "https://example.org/(x)" }),
      t(" *stars* ", {}),
    ]);
    const html = new MarkdownIt().renderInline(markdown);
    expect(html).toBe(
      'plain <strong>bold <em>both</em></strong> <a href="https://example.org/%28x%29"><strong>linked</strong></a> *stars* ',
    );
  });

  it("names downloads after the title, ASCII-safe with an exact UTF-8 filename*", () => {
    expect(contentDisposition("Défense: l'OTAN / 2026?", "pdf")).toBe(
      "attachment; filename=\"Defense l_OTAN 2026.pdf\"; filename*=UTF-8''D%C3%A9fense%20l%27OTAN%202026.pdf",
    );
    expect(contentDisposition('"\r\n', "md")).toBe(
      "attachment; filename=\"briefing.md\"; filename*=UTF-8''briefing.md",
    );
  });

  it("maps text to the PDF standard fonts' character set", () => {
    expect(pdfText("Türkiye – “quoted” €5")).toBe("Türkiye – “quoted” €5");
    expect(pdfText("Şanlıurfa\u2212Кыргызстан\u0007")).toBe("Sanl?urfa-??????????");
    // Only characters the standard fonts would lose switch a PDF to the embedded Unicode fonts.
    expect(needsUnicodeFonts("Côte d'Ivoire\t– “quoted” €5\u2212")).toBe(false);
    expect(needsUnicodeFonts("Şanlıurfa")).toBe(true);
    expect(needsUnicodeFonts("Кыргызстан")).toBe(true);
  });
});
