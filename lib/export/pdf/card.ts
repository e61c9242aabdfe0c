import { factText } from "../cards";
import type { CardView } from "../types";
import { pdfText } from "./text";
import { FONTS, LINE_GAP, PDF_COLORS, type PdfWriter } from "./writer";

const PAD = 10;
const BAR = 4;
const GUTTER = 14;

type Place = { x: number; y: number; width: number };

/**
 * Lays a card out at `at`; draws it when `draw` is true, otherwise only measures. One function
 * for both, so the box drawn behind the text always has the height the text takes.
 */
function layout(w: PdfWriter, card: CardView, at: Place, draw: boolean): number {
  const { doc } = w;
  const x = at.x + BAR + PAD;
  const width = at.width - BAR - 2 * PAD;
  let y = at.y + PAD;
  const put = (
    text: string,
    font: string,
    size: number,
    color: string,
    px: number,
    pw: number,
    link?: string | null,
  ) => {
    const safe = pdfText(text);
    const options = { width: pw, lineGap: LINE_GAP };
    const height = doc.font(font).fontSize(size).heightOfString(safe, options);
    if (draw) {
      doc
        .fillColor(color)
        .text(safe, px, y, { ...options, link: link ?? undefined, underline: false })
        .fillColor(PDF_COLORS.text);
    }
    return height;
  };

  const status = card.status ? pdfText(card.status) : "";
  const statusWidth = status ? doc.font(FONTS.bold).fontSize(8).widthOfString(status) + 10 : 0;
  if (draw && status) {
    doc
      .roundedRect(x + width - statusWidth, y, statusWidth, 13, 6.5)
      .lineWidth(0.6)
      .stroke(PDF_COLORS.muted);
    doc
      .font(FONTS.bold)
      .fontSize(8)
      .fillColor(PDF_COLORS.muted)
      .text(status, x + width - statusWidth + 5, y + 3, { lineBreak: false });
  }
  const title = `${card.name}${card.acronym ? ` (${card.acronym})` : ""}`;
  y += put(title, FONTS.bold, 12.5, PDF_COLORS.accent, x, width - statusWidth - 8, card.url) + 1;
  y += put(card.note, FONTS.italic, 8.5, PDF_COLORS.muted, x, width) + 6;

  const column = (width - GUTTER) / 2;
  for (let i = 0; i < card.facts.length; i += 2) {
    const start = y;
    let tallest = 0;
    card.facts.slice(i, i + 2).forEach((fact, j) => {
      const px = x + j * (column + GUTTER);
      y = start;
      const label = put(fact.label.toUpperCase(), FONTS.bold, 7, PDF_COLORS.muted, px, column);
      y = start + label;
      const value = put(factText(fact), FONTS.regular, 9.5, PDF_COLORS.text, px, column);
      tallest = Math.max(tallest, label + value);
    });
    y = start + tallest + 5;
  }
  if (card.summary) y += put(card.summary, FONTS.regular, 9.5, PDF_COLORS.text, x, width) + 2;
  return y + PAD - at.y;
}

/** A framework card as a tinted box with an accent bar, kept on one page when it fits on one. */
export function drawCard(w: PdfWriter, card: CardView): void {
  const { doc } = w;
  const at = { x: w.frame.x, y: doc.y, width: w.frame.width };
  const height = layout(w, card, at, false);
  if (height <= w.bottom - w.top && at.y + height > w.bottom) {
    w.newPage();
    at.y = doc.y;
  }
  doc.save();
  doc.rect(at.x, at.y, at.width, height).fill(PDF_COLORS.card);
  doc.rect(at.x, at.y, BAR, height).fill(PDF_COLORS.accent);
  doc.lineWidth(0.75).rect(at.x, at.y, at.width, height).stroke(PDF_COLORS.accent);
  doc.restore();
  layout(w, card, at, true);
  doc.x = w.frame.x;
  doc.y = at.y + height;
  w.gap(12);
}
