import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import type { ExportDocument, MatrixView } from "../types";
import { toPdf } from ".";

const TITLE = "国防协力 日本の安全保障 한국 국방 협력";
const CHINESE = "北约集体防御条款与东南亚国家联盟";
const JAPANESE = "日米安全保障条約とクアッド、ひらがなカタカナ";
const KOREAN = "한미상호방위조약과 한국의 국방 협력";
const UNCOVERED = "\u{1D11E}"; // MUSICAL SYMBOL G CLEF: in no bundled face

const matrix: MatrixView = {
  title: "比較 비교",
  corner: "Dimension",
  columns: ["北约", "한미동맹"],
  rows: [
    {
      kind: "row",
      label: "決定規則",
      cells: [
        { text: "全会一致", refs: [] },
        { text: "양자", refs: [] },
      ],
    },
  ],
  notices: [],
  found: true,
};

const doc: ExportDocument = {
  briefingId: "b-cjk",
  title: TITLE,
  authors: ["김민준", "山田太郎"],
  date: "5 December 2026",
  exportedAt: "5 December 2026, 09:00 UTC",
  classification: "机密 // 대외비",
  blocks: [
    { type: "heading", level: 2, inlines: [{ type: "text", text: `Summary 概要 ${KOREAN}`, marks: {} }] },
    { type: "paragraph", inlines: [{ type: "text", text: `Chinese: ${CHINESE}.`, marks: {} }] },
    { type: "paragraph", inlines: [{ type: "text", text: `Japanese: ${JAPANESE}.`, marks: { bold: true } }] },
    { type: "paragraph", inlines: [{ type: "text", text: `Korean: ${KOREAN}. Symbol ${UNCOVERED} end.`, marks: {} }] },
    { type: "matrix", matrix },
  ],
  sources: [],
};

/** The Info dictionary's /Title as bytes and text: PDF string escapes undone, UTF-16BE (with BOM) decoded. */
function infoTitle(pdf: Buffer): { bytes: Buffer; text: string } {
  const raw = pdf.toString("latin1");
  // PDFKit writes the Info entries as indirect objects: "/Title 22 0 R" ... "22 0 obj\n(...)".
  const ref = /\/Title (\d+) 0 R/.exec(raw)?.[1];
  const object = `\n${ref} 0 obj\n(`;
  const start = raw.indexOf(object) + object.length;
  let out = "";
  const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
  for (let i = start; raw[i] !== ")"; i++) {
    if (raw[i] !== "\\") out += raw[i];
    else out += escapes[raw[++i]!] ?? raw[i];
  }
  const bytes = Buffer.from(out, "latin1");
  return { bytes, text: bytes.subarray(2).swap16().toString("utf16le") };
}

describe("PDF with Chinese, Japanese and Korean text", () => {
  it("draws CJK and Hangul with a fallback face, never a '?', and writes the Info title as UTF-16", async () => {
    const pdf = await toPdf(doc);
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const { text } = await parser.getText();
      const flat = text.replace(/\s+/g, " ");
      // The title page sets the title at 28 pt: it wraps, and a line break may fall between two syllables.
      expect(flat.replace(/\s/g, "")).toContain(TITLE.replace(/\s/g, ""));
      for (const expected of [CHINESE, JAPANESE, KOREAN, "김민준, 山田太郎", "机密 // 대외비", "全会一致", "양자"]) {
        expect(flat).toContain(expected);
      }
      expect(flat).not.toContain("?");
      // The character no face has is drawn as the visible replacement box, not dropped.
      expect(flat).toContain("Symbol \uFFFD end.");
    } finally {
      await parser.destroy();
    }
    const title = infoTitle(pdf);
    expect([...title.bytes.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect(title.text).toBe(TITLE);
    // The CJK faces are embedded (subsets) alongside DejaVu.
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Regular/);
  });
});
