import { inflateSync } from "node:zlib";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import {
  STRUCTURED as BRIEFING,
  buildCard as card,
  buildDoc as doc,
  heading,
  buildMatrix as matrix,
  para,
} from "@/lib/test/export-documents";
import type { Block, ExportDocument } from "../types";
import { toPdf } from "./index";

// Reads a PDF's object tree back (PDFKit writes dictionaries uncompressed, only streams are
// compressed): the catalog, the structure tree and the named destinations.
function objects(pdf: Buffer): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of pdf.toString("latin1").matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    out.set(Number(m[1]), m[2]!.split(/\nstream\n/)[0]!);
  }
  return out;
}

const refOf = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1] ?? Number.NaN);

function catalog(objs: Map<number, string>): string {
  return [...objs.values()].find((o) => /\/Type \/Catalog/.test(o))!;
}

/** The structure element types in reading order (depth first), e.g. ["Document", "H1", "P", ...]. */
function structureRoles(objs: Map<number, string>): string[] {
  const root = objs.get(refOf(catalog(objs), "StructTreeRoot"))!;
  const roles: string[] = [];
  const walk = (id: number) => {
    const dict = objs.get(id) ?? "";
    const role = /^<<\s*\/S \/(\w+)/.exec(dict)?.[1];
    if (!role || !/\/P \d+ 0 R/.test(dict)) return; // not a structure element (a page, an annotation)
    roles.push(role);
    const kids = /\/K \[([\s\S]*?)\]\n/.exec(dict)?.[1] ?? "";
    for (const m of kids.replace(/<<[\s\S]*?>>/g, "").matchAll(/(\d+) 0 R/g)) walk(Number(m[1]));
  };
  for (const m of (/\/K \[([\s\S]*?)\]/.exec(root)?.[1] ?? "").matchAll(/(\d+) 0 R/g)) walk(Number(m[1]));
  return roles;
}

async function withParser<T>(pdf: Buffer, read: (parser: PDFParse) => Promise<T>): Promise<T> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return await read(parser);
  } finally {
    await parser.destroy();
  }
}

describe("PDF structure", () => {
  it("declares its language, is tagged, and has bookmarks for the contents, every heading and the sources", async () => {
    const pdf = await toPdf(BRIEFING);
    const objs = objects(pdf);
    const root = catalog(objs);
    expect(root).toMatch(/\/Lang \(en-GB\)/);
    expect(objs.get(refOf(root, "MarkInfo"))).toMatch(/\/Marked true/);
    expect(root).toMatch(/\/PageMode \/UseOutlines/);
    const { outline } = await withParser(pdf, (p) => p.getInfo());
    type Node = { title: string; items: Node[] };
    const tree = (nodes: Node[]): unknown[] => nodes.map((n) => (n.items.length ? [n.title, tree(n.items)] : n.title));
    expect(tree((outline ?? []) as Node[])).toEqual(["Contents", ["Background", ["Options"]], "Frameworks", "Sources"]);
  });

  it("tags headings, paragraphs, lists, cards (label -> value), tables with headers, links and the TOC in reading order", async () => {
    const roles = structureRoles(objects(await toPdf(BRIEFING)));
    expect(roles[0]).toBe("Document");
    expect(roles[1]).toBe("H1"); // the title
    const toc = roles.indexOf("TOC");
    const firstHeading = roles.indexOf("H2", 2);
    expect(toc).toBeGreaterThan(1);
    expect(toc).toBeLessThan(roles.indexOf("TOCI") + 1);
    // Contents (H2 inside the TOC), then the briefing: Background (H2), Options (H3), the list...
    expect(roles.slice(roles.indexOf("H3") - 2, roles.indexOf("H3") + 1)).toEqual(["H2", "P", "H3"]);
    expect(firstHeading).toBeGreaterThan(toc);
    const list = roles.indexOf("L");
    expect(roles.slice(list, list + 4)).toEqual(["L", "LI", "Lbl", "LBody"]);
    // The card: a section whose facts are list items of label then value, citations as links.
    const sect = roles.indexOf("Sect");
    const facts = roles.indexOf("L", sect);
    expect(roles.slice(facts, facts + 4)).toEqual(["L", "LI", "Lbl", "LBody"]);
    expect(roles.slice(sect).includes("Link")).toBe(true);
    const table = roles.indexOf("Table");
    expect(roles.slice(table, table + 4)).toEqual(["Table", "Caption", "TR", "TH"]);
    expect(roles.slice(table)).toContain("TD");
    expect(roles.lastIndexOf("H2")).toBeGreaterThan(table); // Sources
  });

  it("balances marked content on every page (each BDC/BMC has its EMC)", async () => {
    const raw = (await toPdf(BRIEFING)).toString("latin1");
    let streams = 0;
    for (const m of raw.matchAll(/\/Filter \/FlateDecode[^>]*>>\nstream\n([\s\S]*?)\nendstream/g)) {
      const content = inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1");
      if (!/\bBT\b/.test(content)) continue; // fonts and images, not page content
      streams++;
      const opened = content.match(/\b(BDC|BMC)\b/g)?.length ?? 0;
      expect(opened).toBeGreaterThan(0);
      expect(content.match(/\bEMC\b/g)?.length ?? 0).toBe(opened);
    }
    expect(streams).toBeGreaterThan(2);
  });

  it("links each citation to its Sources entry and each entry back to the first citation", async () => {
    const pdf = await toPdf(BRIEFING);
    const raw = pdf.toString("latin1");
    for (const name of ["source_1", "source_2", "cite_1", "cite_2", "background"]) {
      expect(raw).toContain(`(${name})`);
    }
    const goTo = [...raw.matchAll(/\/S \/GoTo\s*\/D \(([\w-]+)\)/g)].map((m) => m[1]);
    expect(goTo).toEqual(expect.arrayContaining(["source_1", "source_2", "cite_1", "cite_2", "background"]));
  });

  it("prints live cards as of the export time", async () => {
    const { text } = await withParser(await toPdf(BRIEFING), (p) => p.getText());
    expect(text).toContain("Live catalog data as of 5 December 2026, 09:30 UTC");
    expect(text).not.toContain("current catalog");
  });

  it("uses A4 by default and US Letter on request", async () => {
    const size = (pdf: Buffer) => /\/MediaBox \[([\d. ]+)\]/.exec(pdf.toString("latin1"))?.[1];
    expect(size(await toPdf(BRIEFING))).toBe("0 0 595.28 841.89");
    expect(size(await toPdf(BRIEFING, { pageSize: "letter" }))).toBe("0 0 612 792");
  });

  it("leaves the table of contents out when asked, and by default for fewer than three headings", async () => {
    const roles = async (d: ExportDocument, toc?: boolean) =>
      structureRoles(objects(await toPdf(d, toc === undefined ? {} : { toc })));
    expect(await roles(BRIEFING, false)).not.toContain("TOC");
    expect(await roles(doc([heading("Only"), para("One heading.")]))).not.toContain("TOC");
    expect(await roles(doc([heading("Only"), para("One heading.")]), true)).toContain("TOC");
  });

  it("never leaves a heading last on a page: it moves on with the start of the card, table or text after it", async () => {
    const blocks: Block[] = [];
    for (let k = 0; k < 36; k++) {
      // Filler of varying length pushes each heading to a different height on its page.
      blocks.push(para(`Filler ${k}. ${"Words that fill the page. ".repeat(8 + ((k * 7) % 23))}`));
      blocks.push(heading(`Heading number ${k}`, 2));
      if (k % 3 === 0) blocks.push({ type: "card", card: card(`Card number ${k}`) });
      else if (k % 3 === 1) blocks.push({ type: "matrix", matrix: matrix(`Matrix number ${k}`, 3) });
      else blocks.push(para(`Paragraph number ${k} follows its heading.`));
    }
    const { pages } = await withParser(await toPdf(doc(blocks), { toc: false }), (p) => p.getText());
    const pageOf = (needle: string) => pages.findIndex((p) => p.text.replace(/\s+/g, " ").includes(needle));
    for (let k = 0; k < 36; k++) {
      const follower = k % 3 === 0 ? `Card number ${k}` : k % 3 === 1 ? `Matrix number ${k}` : `Paragraph number ${k}`;
      expect(pageOf(`Heading number ${k}`), `heading ${k}`).toBe(pageOf(follower));
    }
  });

  it("never splits a Sources entry over two pages", async () => {
    const sources = Array.from({ length: 70 }, (_, i) => ({
      n: i + 1,
      title: `Source number ${i + 1} ${"with a long descriptive title ".repeat(1 + ((i * 5) % 9))}`,
      url: `https://example.org/documents/${i + 1}/end-${i + 1}`,
      rawUrl: "",
      publisher: "Publisher",
      accessed: `${i + 1}`,
    }));
    const { pages } = await withParser(await toPdf(doc([para("Text.")], { sources }), { toc: false }), (p) =>
      p.getText(),
    );
    const pageOf = (needle: string) => pages.findIndex((p) => p.text.replace(/\s+/g, " ").includes(needle));
    for (let n = 1; n <= 70; n++) {
      expect(pageOf(`Source number ${n} `), `source ${n}`).toBeGreaterThan(0);
      expect(pageOf(`Source number ${n} `), `source ${n}`).toBe(pageOf(`Accessed ${n}.`));
    }
  });

  it("hyphenates words too long for a narrow matrix column instead of cutting them anywhere", async () => {
    const word = "Interoperabilitaetsanforderungen";
    const wide = matrix("Wide", 5);
    wide.rows = [{ kind: "row", label: "Needs", cells: wide.columns.map(() => ({ text: word, refs: [] })) }];
    const { text } = await withParser(await toPdf(doc([{ type: "matrix", matrix: wide }])), (p) => p.getText());
    const flat = text.replace(/\s+/g, " ");
    const count = (haystack: string) => haystack.split(word).length - 1;
    expect(count(flat)).toBe(0); // too long for its column: it was broken...
    expect(count(flat.replace(/- ?/g, ""))).toBe(5); // ...only where a hyphen says so
  });
});
