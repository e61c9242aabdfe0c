import PDFDocument from "pdfkit";
import type { Inline } from "../types";
import { installFontFallback } from "./fallback";
import { registerUnicodeFonts, UNICODE_INITIAL_FONT } from "./fonts";
import { pdfText } from "./text";

export const FONTS = {
  regular: "Helvetica",
  bold: "Helvetica-Bold",
  italic: "Helvetica-Oblique",
  boldItalic: "Helvetica-BoldOblique",
} as const;

export const PDF_COLORS = {
  text: "#1b1f24",
  accent: "#1f4e8c",
  muted: "#5b6470",
  border: "#c9d1db",
  head: "#eef1f5",
  card: "#f4f7fb",
  group: "#dde4ee",
  marking: "#b00020",
} as const;

export const BODY_SIZE = 10.5;
export const LINE_GAP = 2;

export function fontOf(bold?: boolean, italic?: boolean): string {
  if (bold) return italic ? FONTS.boldItalic : FONTS.bold;
  return italic ? FONTS.italic : FONTS.regular;
}

/** The horizontal band text is written into (indented by lists, quotes and cards). */
export type Frame = { x: number; width: number };

export type RichTextOptions = {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  align?: "left" | "center";
};

/**
 * A thin layer over a PDFKit document: the current frame, page-space checks and rich text. Pages
 * are buffered so headers, footers and page numbers are drawn once the page count is known.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  frame: Frame;

  /** `unicode`: draw with the embedded Unicode faces (fonts.ts) instead of the standard ones. */
  constructor(info: { title: string; author: string; subject: string }, unicode = false) {
    this.doc = new PDFDocument({
      size: "A4",
      margins: { top: 70, bottom: 70, left: 62, right: 62 },
      bufferPages: true,
      info: { Title: pdfText(info.title), Author: pdfText(info.author), Subject: pdfText(info.subject) },
      displayTitle: true,
      ...(unicode ? { font: UNICODE_INITIAL_FONT } : {}),
    });
    if (unicode) {
      registerUnicodeFonts(this.doc);
      installFontFallback(this.doc);
    }
    this.frame = { x: this.doc.page.margins.left, width: this.contentWidth };
    this.doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(PDF_COLORS.text);
  }

  get contentWidth(): number {
    const { page } = this.doc;
    return page.width - page.margins.left - page.margins.right;
  }

  get top(): number {
    return this.doc.page.margins.top;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Index of the page being written (the last one: pages are only ever appended). */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  remaining(): number {
    return this.bottom - this.doc.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.frame.x;
  }

  /** Starts a new page unless `height` points are left on this one. */
  ensure(height: number): void {
    if (this.remaining() < height) this.newPage();
  }

  gap(points: number): void {
    this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  /** Runs `draw` with the frame indented by `indent` points on the left. */
  indented(indent: number, draw: () => void, right = 0): void {
    const previous = this.frame;
    this.frame = { x: previous.x + indent, width: previous.width - indent - right };
    try {
      draw();
    } finally {
      this.frame = previous;
      this.doc.x = previous.x;
    }
  }

  /** Height a plain text takes in the current frame (or `width`) at a font and size. */
  measure(text: string, font: string, size: number, width = this.frame.width): number {
    return this.doc.font(font).fontSize(size).heightOfString(pdfText(text), { width, lineGap: LINE_GAP });
  }

  /** Writes plain text at the current position of the frame. */
  text(
    text: string,
    font: string,
    size: number,
    color: string = PDF_COLORS.text,
    extra: PDFKit.Mixins.TextOptions = {},
  ): void {
    this.doc.font(font).fontSize(size).fillColor(color);
    this.doc.text(pdfText(text), this.frame.x, this.doc.y, { width: this.frame.width, lineGap: LINE_GAP, ...extra });
    this.doc.fillColor(PDF_COLORS.text);
  }

  /**
   * Writes marked-up inline content as one paragraph (bold, italic, underline, strike, links).
   * Hard breaks end a line: each line is one chain of continued PDFKit text calls.
   */
  richText(inlines: Inline[], options: RichTextOptions = {}): void {
    const size = options.size ?? BODY_SIZE;
    const lines: Inline[][] = [[]];
    for (const inline of inlines) {
      if (inline.type === "break") lines.push([]);
      else lines[lines.length - 1]!.push(inline);
    }
    if (lines.length === 1 && !lines[0]!.length) {
      this.gap(size * 0.8);
      return;
    }
    for (const line of lines) this.line(line, size, options);
  }

  private line(inlines: Inline[], size: number, options: RichTextOptions): void {
    const doc = this.doc.fontSize(size);
    this.ensure(size * 1.5);
    if (!inlines.length) {
      doc
        .font(fontOf(options.bold, options.italic))
        .text(" ", this.frame.x, doc.y, { width: this.frame.width, lineGap: LINE_GAP });
      return;
    }
    inlines.forEach((inline, i) => {
      if (inline.type === "break") return;
      const { marks } = inline;
      doc.font(fontOf(marks.bold ?? options.bold, marks.italic ?? options.italic));
      doc.fillColor(marks.href ? PDF_COLORS.accent : (options.color ?? PDF_COLORS.text));
      const textOptions: PDFKit.Mixins.TextOptions = {
        continued: i < inlines.length - 1,
        underline: Boolean(marks.underline || marks.href),
        strike: Boolean(marks.strike),
        // PDFKit carries options over to continued calls: an explicit null ends a link.
        link: (marks.href ?? null) as string,
        lineGap: LINE_GAP,
        width: this.frame.width,
        align: options.align ?? "left",
      };
      if (i === 0) doc.text(pdfText(inline.text), this.frame.x, doc.y, textOptions);
      else doc.text(pdfText(inline.text), textOptions);
    });
    doc.fillColor(PDF_COLORS.text);
  }

  /** The finished PDF. */
  finish(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
      this.doc.end();
    });
  }
}
