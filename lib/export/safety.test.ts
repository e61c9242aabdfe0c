import { strFromU8, unzipSync } from "fflate";
import MarkdownIt from "markdown-it";
import { PDFParse } from "pdf-parse";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BriefingDocument } from "@/components/share/briefing-document";
import { createBriefing } from "@/lib/briefings/create";
import { importCatalog } from "@/lib/catalog/exchange";
import { createSavedComparison } from "@/lib/comparisons/queries";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { heading, link, paragraph, writeBriefingContent } from "@/lib/test/export-fixture";
import { buildCatalog, buildDimension, buildFramework, buildSource, buildUser } from "@/lib/test/fixtures";
import { activeContent, HREF_PAYLOADS, TEXT_PAYLOADS } from "@/lib/test/payloads";
import { loadExportDocument } from "./document";
import { toDocx } from "./docx";
import { toHtml } from "./html";
import { EXPORT_CSS } from "./html-style";
import { toMarkdown } from "./markdown";
import { toPdf } from "./pdf";
import { renderExport } from "./render";
import { EXPORT_FORMATS, type ExportDocument } from "./types";

// Embeddings, overrides and isolates: "Trojan Source" reordering (U+202A-U+202E, U+2066-U+2069).
const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"];
const HAS_BIDI = /[\u202A-\u202E\u2066-\u2069]/;

const EXPORT_TAGS = new Set(
  "html head meta title style body article header main section p h1 h2 h3 h4 h5 strong em u s a br code ul ol li blockquote hr table thead tbody tr th td caption figure span dl dt dd div nav tfoot".split(
    " ",
  ),
);
const payload = (i: number) => TEXT_PAYLOADS[i % TEXT_PAYLOADS.length]!;

function hostileCatalog() {
  return buildCatalog(
    [
      buildFramework({
        slug: "hostile",
        name: `Hostile ${payload(0)}`,
        acronym: "<svg onload=x>",
        headquarters: payload(2),
        legalBasis: payload(5),
        // PostgreSQL text cannot hold NUL; the document (Yjs bytes) still carries that payload.
        summary: TEXT_PAYLOADS.filter((p) => !p.includes("\u0000")).join(" "),
        attributes: [
          {
            dimension: "collective_defence_clause",
            value: true,
            note: payload(3),
            sources: [
              buildSource({ title: payload(4), publisher: payload(11), url: 'https://example.org/"><script>' }),
            ],
          },
        ],
      }),
    ],
    [buildDimension({ label: `Clause ${payload(9)}` })],
  );
}

function hostileSnapshot(): string {
  return JSON.stringify({
    slug: '"><script>alert(1)</script>',
    name: payload(1),
    acronym: payload(7),
    kind: payload(8),
    region: "</style><style>*{background:url(javascript:alert(1))}",
    status: payload(10),
    summary: payload(13),
    headquarters: payload(14),
    memberCount: 3,
    cited: HREF_PAYLOADS.map((url, i) => ({
      key: `k${i}`,
      label: payload(i),
      display: payload(i + 1),
      sources: [{ title: payload(i + 2), url }],
    })),
  });
}

function hostileDocument(comparisonId: string) {
  return {
    type: "doc",
    content: [
      heading(1, payload(0)),
      ...TEXT_PAYLOADS.map((p, i) =>
        paragraph({ type: "text", text: p }, link(payload(i + 3), HREF_PAYLOADS[i % HREF_PAYLOADS.length]!)),
      ),
      ...HREF_PAYLOADS.map((href) => paragraph(link("link text", href))),
      {
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [{ type: "tableCell", content: [paragraph({ type: "text", text: payload(5) })] }],
          },
        ],
      },
      { type: "frameworkCard", attrs: { slug: "hostile", mode: "live" } },
      {
        type: "frameworkCard",
        attrs: { slug: payload(6), mode: "pinned", pinnedAt: payload(7), snapshot: hostileSnapshot() },
      },
      { type: "frameworkCard", attrs: { slug: "javascript:alert(1)", mode: "live" } },
      { type: "comparison", attrs: { comparisonId, title: payload(8) } },
      { type: "comparison", attrs: { comparisonId: "missing", title: payload(9) } },
    ],
  };
}

describe.each(PROVIDERS)("export safety on %s", (provider) => {
  let t: TestDatabase;
  let doc: ExportDocument;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await importCatalog(t.db, hostileCatalog());
    // A row written around validation (old data, a direct database edit): renderers must still refuse it.
    await t.db.source.updateMany({ data: { url: "javascript:alert(document.cookie)" } });
    const owner = await t.db.user.create({ data: buildUser({ name: payload(2) }) });
    const comparison = await createSavedComparison(t.db, { name: payload(12), state: "fw=hostile", ownerId: owner.id });
    const { id } = await createBriefing(t.db, { title: payload(11), ownerId: owner.id, template: "blank" });
    await t.db.briefing.update({ where: { id }, data: { classification: "</style><script>alert(1)</script>" } });
    await writeBriefingContent(t.db, id, hostileDocument(comparison.id));
    doc = (await loadExportDocument(t.db, id, { baseUrl: "https://briefings.example.org" }))!;
  });
  afterAll(() => t?.drop());

  it("keeps payloads as text in standalone HTML: no active tags, handlers, styles or script URLs", () => {
    const html = toHtml(doc);
    expect(activeContent(html, EXPORT_TAGS)).toEqual([]);
    expect(html.match(/<style>([\s\S]*?)<\/style>/g)).toHaveLength(1);
    const css = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    expect(css.startsWith(EXPORT_CSS)).toBe(true);
    expect(css.slice(EXPORT_CSS.length)).not.toMatch(/[<>]|url\(|expression|javascript/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&amp;lt;script&amp;gt;");
  });

  it("keeps payloads as text in Markdown, also for a renderer that allows raw HTML", () => {
    const markdown = toMarkdown(doc);
    expect(markdown).not.toMatch(/<(?!br>)[a-z!/]/i);
    const rendered = new MarkdownIt({ html: true, linkify: true }).render(markdown);
    expect(activeContent(rendered, EXPORT_TAGS)).toEqual([]);
    expect(rendered).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("renders the share view with the same guarantees", () => {
    const html = renderToStaticMarkup(createElement(BriefingDocument, { document: doc }));
    expect(activeContent(html, EXPORT_TAGS)).toEqual([]);
    expect(html).toContain("&lt;svg onload=alert(1)&gt;");
  });

  it("writes no script, data or file links into DOCX and PDF", async () => {
    const files = unzipSync(new Uint8Array(await toDocx(doc)));
    const targets = Object.keys(files)
      .filter((name) => name.endsWith(".rels"))
      .flatMap((name) =>
        [...strFromU8(files[name]!).matchAll(/Target="([^"]*)"\s+TargetMode="External"/g)].map((m) => m[1]!),
      );
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target).toMatch(/^(https?:|mailto:)/);
    const pdf = (await toPdf(doc)).toString("latin1");
    const uris = [...pdf.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!);
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri).toMatch(/^(https?:|mailto:)/);
    expect(pdf).not.toMatch(/\/(JavaScript|JS|Launch|SubmitForm)\b/);
  });

  it("neutralises bidi override characters in every format and on the share view", async () => {
    const owner = await t.db.user.create({ data: buildUser({ name: `Eve${BIDI[4]}lyn` }) });
    const { id } = await createBriefing(t.db, {
      title: `Invoice${BIDI[4]}fdp.exe`,
      ownerId: owner.id,
      template: "blank",
    });
    await t.db.briefing.update({ where: { id }, data: { classification: `SECRET${BIDI[5]}X` } });
    await writeBriefingContent(t.db, id, {
      type: "doc",
      content: [
        heading(1, `Heading${BIDI.join("")}`),
        paragraph({ type: "text", text: `Pay ${BIDI[4]}txt.exe now` }, link(`link${BIDI[8]}`, "https://example.org/")),
        { type: "frameworkCard", attrs: { slug: "hostile", mode: "live" } },
      ],
    });
    const bidiDoc = (await loadExportDocument(t.db, id))!;
    expect(HAS_BIDI.test(JSON.stringify(bidiDoc))).toBe(false);
    expect(bidiDoc.title).toBe("Invoicefdp.exe");
    // renderExport neutralises again: a document built elsewhere cannot bring them into a file.
    const raw: ExportDocument = { ...bidiDoc, title: `Invoice${BIDI[4]}fdp.exe` };
    for (const format of EXPORT_FORMATS) {
      const file = await renderExport(raw, format);
      if (format === "docx") {
        const files = unzipSync(new Uint8Array(file.body));
        for (const name of Object.keys(files)) expect(HAS_BIDI.test(strFromU8(files[name]!)), name).toBe(false);
      } else if (format === "pdf") {
        const parser = new PDFParse({ data: new Uint8Array(file.body) });
        try {
          const [{ text }, { info }] = [await parser.getText(), await parser.getInfo()];
          expect(text).toContain("Invoicefdp.exe");
          expect(HAS_BIDI.test(text) || HAS_BIDI.test(JSON.stringify(info))).toBe(false);
        } finally {
          await parser.destroy();
        }
      } else expect(HAS_BIDI.test(file.body.toString("utf8")), format).toBe(false);
    }
    const share = renderToStaticMarkup(createElement(BriefingDocument, { document: bidiDoc }));
    expect(HAS_BIDI.test(share)).toBe(false);
    expect(share).toContain("Pay txt.exe now");
  });
});
