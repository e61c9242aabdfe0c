import PDFDocument from "pdfkit";
import { citeAnchor, DOCUMENT_LANG, noteAnchor, noteRefAnchor, type OutlineEntry, sourceAnchor } from "../text";
import type { Inline, PageSize } from "../types";
import { installFontFallback } from "./fallback";
import { registerUnicodeFonts, UNICODE_INITIAL_FONT } from "./fonts";
import { hyphenateToFit } from "./hyphenate";
import { PdfStructure } from "./structure";
import { pdfText } from "./text";
import type { TocPlace } from "./toc";

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

/** An inline's text as drawn (citations "[1][2]", a footnote mark its number). */
export function inlinePlainText(inline: Inline): string {
  switch (inline.type) {
    case "break":
      return "\n";
    case "text":
      return inline.text;
    case "cite":
      return inline.refs.map((n) => `[${n}]`).join("");
    case "note":
      return String(inline.n);
  }
}

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
  /** The structure element the paragraph is tagged as (default P). */
  tag?: string;
};

export type WriterOptions = { unicode?: boolean; pageSize?: PageSize };

type Bookmark = { level: number; item: PDFKit.PDFOutline };
type OutlineData = { outlineData: Record<string, unknown> };

/**
 * A thin layer over a PDFKit document: the current frame, page-space checks, rich text, the
 * structure tree (tagged PDF), bookmarks and citation links. Pages are buffered so headers,
 * footers, page numbers and the table of contents are drawn once the page count is known.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly tags: PdfStructure;
  frame: Frame;
  private readonly bookmarks: Bookmark[] = [];
  /** Sources cited so far: the first citation of each is the target of the Sources entry's way back. */
  private readonly cited = new Set<number>();
  /** The briefing's sections by heading block, and the page index each was drawn on (for the TOC). */
  sections = new Map<unknown, OutlineEntry>();
  readonly sectionPages = new Map<string, number>();
  /** The briefing's outline, and where a table of contents block reserved its pages. */
  outline: OutlineEntry[] = [];
  tocPlace: TocPlace | null = null;
  /** When the document was read: live cards are printed "as of" this. */
  exportedAt = "";

  /** `unicode`: draw with the embedded Unicode faces (fonts.ts) instead of the standard ones. */
  constructor(info: { title: string; author: string; subject: string }, options: WriterOptions = {}) {
    this.doc = new PDFDocument({
      size: options.pageSize === "letter" ? "LETTER" : "A4",
      margins: { top: 70, bottom: 70, left: 62, right: 62 },
      bufferPages: true,
      info: { Title: pdfText(info.title), Author: pdfText(info.author), Subject: pdfText(info.subject) },
      displayTitle: true,
      tagged: true,
      lang: DOCUMENT_LANG,
      pdfVersion: "1.7",
      ...(options.unicode ? { font: UNICODE_INITIAL_FONT } : {}),
    });
    if (options.unicode) {
      registerUnicodeFonts(this.doc);
      installFontFallback(this.doc);
    }
    this.tags = new PdfStructure(this.doc);
    this.frame = { x: this.doc.page.margins.left, width: this.contentWidth };
    this.doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(PDF_COLORS.text);
  }

  /**
   * A bookmark (document outline entry) for a heading at the current position, nested under the
   * last bookmark of a lower level.
   */
  bookmark(title: string, level: number): void {
    while (this.bookmarks.length && this.bookmarks[this.bookmarks.length - 1]!.level >= level) this.bookmarks.pop();
    const parent = this.bookmarks[this.bookmarks.length - 1]?.item ?? this.doc.outline;
    const item = parent.addItem(pdfText(title));
    // Jump to the heading itself, not to the top of its page.
    (item as unknown as OutlineData).outlineData.Dest = [
      this.doc.page.dictionary,
      "XYZ",
      null,
      this.doc.page.height - this.doc.y + 4,
      null,
    ];
    this.bookmarks.push({ level, item });
  }

  /** A named destination at the current position (targets of the TOC and citation links). */
  anchor(name: string): void {
    this.doc.addNamedDestination(name, "XYZ", null, Math.max(0, this.doc.y - 4), null);
  }

  /**
   * Draws citations "[1][4]" continuing the current text chain, each a link to its Sources entry,
   * the first citation of a source being where the entry links back to. `last` ends the chain.
   */
  citations(refs: readonly number[], last: boolean): void {
    refs.forEach((n, i) => {
      const first = !this.cited.has(n);
      this.cited.add(n);
      this.tags.group("Link", () =>
        this.tags.content(() => {
          this.doc.fillColor(PDF_COLORS.accent);
          this.doc.text(`[${n}]`, {
            continued: !(last && i === refs.length - 1),
            goTo: sourceAnchor(n),
            ...(first ? { destination: citeAnchor(n) } : {}),
            underline: false,
            link: null as unknown as string,
          } as PDFKit.Mixins.TextOptions);
          this.doc.fillColor(PDF_COLORS.text);
        }),
      );
    });
  }

  /**
   * A footnote's mark: its number, smaller and raised (PDFKit aligns a smaller run to the top of
   * the line), linking to the note, and the note's way back. Continues the current text chain.
   */
  noteMark(n: number, last: boolean, size: number): void {
    this.tags.group("Link", () =>
      this.tags.content(() => {
        this.doc
          .font(FONTS.regular)
          .fontSize(size * 0.7)
          .fillColor(PDF_COLORS.accent);
        this.doc.text(String(n), {
          continued: !last,
          goTo: noteAnchor(n),
          destination: noteRefAnchor(n),
          underline: false,
          link: null as unknown as string,
        } as PDFKit.Mixins.TextOptions);
        this.doc.fontSize(size).fillColor(PDF_COLORS.text);
      }),
    );
  }

  /** `text` with words too wide for `width` hyphenated (the current font and size measure it). */
  fitWords(text: string, width: number, size: number): string {
    return hyphenateToFit(pdfText(text), width, size, (word) => this.doc.widthOfString(word));
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

  /** Writes plain text at the current position of the frame, tagged as `tag` (default P). */
  text(
    text: string,
    font: string,
    size: number,
    color: string = PDF_COLORS.text,
    extra: PDFKit.Mixins.TextOptions = {},
    tag = "P",
  ): void {
    this.tags.leaf(tag, () => {
      this.doc.font(font).fontSize(size).fillColor(color);
      this.doc.text(pdfText(text), this.frame.x, this.doc.y, { width: this.frame.width, lineGap: LINE_GAP, ...extra });
      this.doc.fillColor(PDF_COLORS.text);
    });
  }

  /** Height rich text takes in the current frame (plain-text measure at the run's size). */
  measureInlines(inlines: Inline[], size = BODY_SIZE, bold = false): number {
    const text = inlines.map(inlinePlainText).join("") || " ";
    return this.measure(text, bold ? FONTS.bold : FONTS.regular, size);
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
    this.tags.group(options.tag ?? "P", () => {
      for (const line of lines) this.line(line, size, options);
    });
  }

  private line(inlines: Inline[], size: number, options: RichTextOptions): void {
    const doc = this.doc.fontSize(size);
    this.ensure(size * 1.5);
    if (!inlines.length) {
      this.tags.content(() => {
        doc
          .font(fontOf(options.bold, options.italic))
          .text(" ", this.frame.x, doc.y, { width: this.frame.width, lineGap: LINE_GAP });
      });
      return;
    }
    inlines.forEach((inline, i) => {
      if (inline.type === "break") return;
      const last = i === inlines.length - 1;
      if (inline.type === "cite" || inline.type === "note") {
        if (i === 0) doc.x = this.frame.x; // a chain's first call places it
        if (inline.type === "cite") this.citations(inline.refs, last);
        else this.noteMark(inline.n, last, size);
        return;
      }
      const draw = () => this.run(inline, i, i < inlines.length - 1, size, options);
      // A link is its own Link element holding its text and its annotation.
      if (inline.marks.href) this.tags.leaf("Link", draw);
      else this.tags.content(draw);
    });
    doc.fillColor(PDF_COLORS.text);
  }

  private run(
    inline: Extract<Inline, { type: "text" }>,
    i: number,
    continued: boolean,
    size: number,
    options: RichTextOptions,
  ): void {
    const { doc } = this;
    const { marks } = inline;
    doc.fontSize(size).font(fontOf(marks.bold ?? options.bold, marks.italic ?? options.italic));
    doc.fillColor(marks.href ? PDF_COLORS.accent : (options.color ?? PDF_COLORS.text));
    const textOptions: PDFKit.Mixins.TextOptions = {
      continued,
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
