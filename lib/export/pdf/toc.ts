import type { OutlineEntry } from "../text";
import { pdfText } from "./text";
import { FONTS, PDF_COLORS, type PdfWriter } from "./writer";

const ENTRY_SIZE = 10.5;
const ENTRY_HEIGHT = 18;
const HEADING_HEIGHT = 44;
const LEVEL_INDENT = 14;

/** Where the table of contents goes: its pages (reserved now, filled in at the end) and its element. */
export type TocPlace = { firstPage: number; pages: number; element: PDFKit.PDFStructureElement };

/**
 * Reserves the pages of the table of contents after the title page. Page numbers are only known
 * once the content is drawn, so the entries are written at the end (drawToc); their structure
 * element is created here, so the TOC still comes before the content in reading order.
 */
export function reserveToc(w: PdfWriter, outline: OutlineEntry[]): TocPlace {
  const perPage = Math.floor((w.bottom - w.top - HEADING_HEIGHT) / ENTRY_HEIGHT);
  const pages = Math.max(1, Math.ceil(outline.length / perPage));
  w.bookmark("Contents", 1);
  const place = { firstPage: w.pageIndex, pages, element: w.tags.open("TOC") };
  for (let i = 0; i < pages; i++) w.newPage();
  return place;
}

/** Writes the reserved table of contents: one linked line per section, with its page number. */
export function drawToc(w: PdfWriter, place: TocPlace, outline: OutlineEntry[]): void {
  const { doc } = w;
  const last = w.pageIndex;
  doc.switchToPage(place.firstPage);
  doc.y = w.top;
  w.tags.within(place.element, () => {
    w.text("Contents", FONTS.bold, 20, PDF_COLORS.accent, {}, "H2");
    w.gap(14);
    let page = place.firstPage;
    for (const entry of outline) {
      if (doc.y + ENTRY_HEIGHT > w.bottom && page < place.firstPage + place.pages - 1) {
        doc.switchToPage(++page);
        doc.y = w.top;
      }
      const target = w.sectionPages.get(entry.id);
      const number = target === undefined ? "" : String(target + 1);
      const indent = (entry.level - 1) * LEVEL_INDENT;
      const x = w.frame.x + indent;
      const numberWidth = 36;
      const y = doc.y;
      w.tags.group("TOCI", () =>
        w.tags.leaf("Link", () => {
          doc
            .font(entry.level === 1 ? FONTS.bold : FONTS.regular)
            .fontSize(ENTRY_SIZE)
            .fillColor(PDF_COLORS.text);
          const width = w.frame.width - indent - numberWidth;
          doc.text(pdfText(entry.text), x, y, { width, height: ENTRY_HEIGHT - 4, ellipsis: true, lineBreak: true });
          doc.text(number, w.frame.x + w.frame.width - numberWidth, y, { width: numberWidth, align: "right" });
          doc.goTo(x, y, w.frame.width - indent, ENTRY_HEIGHT - 4, entry.id);
        }),
      );
      doc.y = y + ENTRY_HEIGHT;
    }
  });
  doc.switchToPage(last);
}
