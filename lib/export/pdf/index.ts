import { citeAnchor, noteAnchor, noteRefAnchor, type OutlineEntry, outlineOf, sourceAnchor, wantsToc } from "../text";
import type { ExportDocument, Inline, Note, RenderOptions, SourceEntry } from "../types";
import { blocks } from "./blocks";
import { unicodeFontCovers } from "./fonts";
import { needsUnicodeFonts, pdfText, withUnicodeText } from "./text";
import { drawToc, reserveToc } from "./toc";
import { FONTS, PDF_COLORS, PdfWriter } from "./writer";

function titlePage(w: PdfWriter, doc: ExportDocument): void {
  const pdf = w.doc;
  pdf.y = w.top + 130;
  w.tags.artifact(() => pdf.rect(w.frame.x, pdf.y, 64, 5).fill(PDF_COLORS.accent));
  pdf.y += 26;
  w.text(doc.title, FONTS.bold, 28, PDF_COLORS.accent, {}, "H1");
  w.gap(22);
  if (doc.authors.length) {
    w.text("PREPARED BY", FONTS.bold, 8, PDF_COLORS.muted);
    w.gap(2);
    w.text(doc.authors.join(", "), FONTS.regular, 13);
    w.gap(12);
  }
  w.text("DATE", FONTS.bold, 8, PDF_COLORS.muted);
  w.gap(2);
  w.text(doc.date, FONTS.regular, 13);
  if (doc.classification) {
    const height = w.measure(doc.classification, FONTS.bold, 12, w.frame.width - 24) + 20;
    const y = w.bottom - 90 - height;
    w.tags.artifact(() => pdf.lineWidth(1.5).rect(w.frame.x, y, w.frame.width, height).stroke(PDF_COLORS.marking));
    w.tags.leaf("P", () => {
      pdf.font(FONTS.bold).fontSize(12).fillColor(PDF_COLORS.marking);
      pdf.text(pdfText(doc.classification), w.frame.x + 12, y + 11, { width: w.frame.width - 24, align: "center" });
      pdf.fillColor(PDF_COLORS.text);
    });
  }
  w.newPage();
}

function sourceInlines(s: SourceEntry): Inline[] {
  const link = s.url ? { href: s.url } : {};
  const parts: Inline[] = [{ type: "text", text: s.title, marks: link }];
  if (s.publisher) parts.push({ type: "text", text: `. ${s.publisher}`, marks: {} });
  parts.push({ type: "text", text: `. ${s.url ?? s.rawUrl}`, marks: {} });
  if (s.accessed) parts.push({ type: "text", text: `. Accessed ${s.accessed}.`, marks: {} });
  return parts;
}

const SOURCE_SIZE = 9.5;

/** One entry, never split over two pages; its number links back to the first citation. */
function source(w: PdfWriter, s: SourceEntry, numberWidth: number): void {
  const inlines = sourceInlines(s);
  let height = 0;
  w.indented(numberWidth, () => {
    height = w.measureInlines(inlines, SOURCE_SIZE);
  });
  w.ensure(height + 4);
  const y = w.doc.y;
  w.tags.group("LI", () => {
    w.tags.group("Lbl", () =>
      w.tags.leaf("Link", () => {
        w.anchor(sourceAnchor(s.n));
        w.doc.font(FONTS.bold).fontSize(SOURCE_SIZE).fillColor(PDF_COLORS.text);
        w.doc.text(`[${s.n}]`, w.frame.x, y, { width: numberWidth, lineBreak: false, goTo: citeAnchor(s.n) });
      }),
    );
    w.doc.y = y;
    w.indented(numberWidth, () => w.richText(inlines, { size: SOURCE_SIZE, tag: "LBody" }));
  });
  w.gap(5);
}

function sources(w: PdfWriter, list: SourceEntry[]): void {
  if (!list.length) return;
  w.newPage();
  w.bookmark("Sources", 1);
  w.text("Sources", FONTS.bold, 20, PDF_COLORS.accent, {}, "H2");
  w.gap(10);
  const numberWidth = w.doc.font(FONTS.bold).fontSize(SOURCE_SIZE).widthOfString(`[${list.length}]`) + 8;
  w.tags.group("L", () => {
    for (const s of list) source(w, s, numberWidth);
  });
}

/** The footnotes (as endnotes, before Sources): each number links back to its mark in the text. */
function notes(w: PdfWriter, list: Note[]): void {
  if (!list.length) return;
  w.newPage();
  w.bookmark("Notes", 1);
  w.text("Notes", FONTS.bold, 20, PDF_COLORS.accent, {}, "H2");
  w.gap(10);
  const numberWidth = w.doc.font(FONTS.bold).fontSize(SOURCE_SIZE).widthOfString(`${list.length}.`) + 8;
  w.tags.group("L", () => {
    for (const note of list) {
      let height = 0;
      w.indented(numberWidth, () => {
        height = w.measureInlines(note.inlines, SOURCE_SIZE);
      });
      w.ensure(height + 4);
      const y = w.doc.y;
      w.tags.group("LI", () => {
        w.tags.group("Lbl", () =>
          w.tags.leaf("Link", () => {
            w.anchor(noteAnchor(note.n));
            w.doc.font(FONTS.bold).fontSize(SOURCE_SIZE).fillColor(PDF_COLORS.text);
            w.doc.text(`${note.n}.`, w.frame.x, y, {
              width: numberWidth,
              lineBreak: false,
              goTo: noteRefAnchor(note.n),
            });
          }),
        );
        w.doc.y = y;
        w.indented(numberWidth, () => w.richText(note.inlines, { size: SOURCE_SIZE, tag: "LBody" }));
      });
      w.gap(5);
    }
  });
}

/** Marking in the header of every page; "Page n of N" (not on the title page) and the marking below. */
function decorate(w: PdfWriter, doc: ExportDocument): void {
  const pdf = w.doc;
  const range = pdf.bufferedPageRange();
  const title = doc.title.length > 70 ? `${doc.title.slice(0, 69)}\u2026` : doc.title;
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const { margins, width, height } = pdf.page;
    const bottomMargin = margins.bottom;
    margins.bottom = 0; // writing in the margin must not start a new page
    const inner = width - margins.left - margins.right;
    w.tags.artifact(() => {
      if (doc.classification) {
        pdf.font(FONTS.bold).fontSize(8.5).fillColor(PDF_COLORS.marking);
        pdf.text(pdfText(doc.classification), margins.left, 34, { width: inner, align: "center", lineBreak: false });
        pdf.text(pdfText(doc.classification), margins.left, height - 34, {
          width: inner,
          align: "center",
          lineBreak: false,
        });
      }
      if (i > range.start) {
        pdf.font(FONTS.regular).fontSize(8).fillColor(PDF_COLORS.muted);
        pdf.text(pdfText(title), margins.left, height - 50, { width: inner * 0.7, lineBreak: false });
        pdf.text(`Page ${i + 1} of ${range.count}`, margins.left, height - 50, {
          width: inner,
          align: "right",
          lineBreak: false,
        });
      }
    }, "Pagination");
    margins.bottom = bottomMargin;
  }
  pdf.fillColor(PDF_COLORS.text);
}

/**
 * The briefing as a tagged PDF (structure tree, /Lang, artifacts): title page, optional table of
 * contents, content, Sources; bookmarks for every section; citations linked both ways; marking and
 * page numbers on every page.
 */
export async function toPdf(doc: ExportDocument, options: RenderOptions = {}): Promise<Buffer> {
  const unicode = needsUnicodeFonts(JSON.stringify(doc));
  const outline = outlineOf(doc.blocks);
  const draw = () => {
    const info = { title: doc.title, author: doc.authors.join(", "), subject: doc.classification };
    const w = new PdfWriter(info, { unicode, pageSize: options.pageSize });
    w.exportedAt = doc.exportedAt;
    titlePage(w, doc);
    const toc = wantsToc(outline, options, doc.blocks) ? reserveToc(w, outline) : null;
    w.sections = new Map(outline.map((entry): [unknown, OutlineEntry] => [entry.block, entry]));
    w.outline = outline;
    blocks(w, doc.blocks);
    notes(w, doc.notes ?? []);
    sources(w, doc.sources);
    const place = toc ?? w.tocPlace;
    if (place) drawToc(w, place, outline);
    decorate(w, doc);
    return w;
  };
  return (unicode ? withUnicodeText(unicodeFontCovers, draw) : draw()).finish();
}
