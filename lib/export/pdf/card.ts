import { cardNote } from "../text";
import type { CardView, Fact } from "../types";
import { pdfText } from "./text";
import { FONTS, LINE_GAP, PDF_COLORS, type PdfWriter } from "./writer";

const PAD = 10;
const BAR = 4;
const GUTTER = 14;
const VALUE_SIZE = 9.5;

type Place = { x: number; y: number; width: number };
type Put = { font: string; size: number; color: string; x: number; width: number; link?: string | null };

const refsText = (fact: Fact) => (fact.refs.length ? ` ${fact.refs.map((n) => `[${n}]`).join("")}` : "");

/**
 * Lays a card out at `at`; draws it when `draw` is true, otherwise only measures. One function
 * for both, so the box drawn behind the text always has the height the text takes. Tagged as a
 * Sect: title (a link to the framework), status, note, the facts as a list of label -> value
 * (read in that order, left column then right), the summary.
 */
function layout(w: PdfWriter, card: CardView, at: Place, draw: boolean): number {
  const { doc } = w;
  const x = at.x + BAR + PAD;
  const width = at.width - BAR - 2 * PAD;
  let y = at.y + PAD;
  const height = (text: string, p: Put) =>
    doc.font(p.font).fontSize(p.size).heightOfString(text, { width: p.width, lineGap: LINE_GAP });
  const write = (text: string, p: Put, continued = false) =>
    doc
      .font(p.font)
      .fontSize(p.size)
      .fillColor(p.color)
      .text(text, p.x, y, {
        width: p.width,
        lineGap: LINE_GAP,
        link: p.link ?? undefined,
        underline: false,
        continued,
      });
  const put = (text: string, p: Put, tag = "P") => {
    doc.font(p.font).fontSize(p.size);
    const safe = w.fitWords(text, p.width, p.size);
    if (draw) w.tags.leaf(tag, () => write(safe, p).fillColor(PDF_COLORS.text));
    return height(safe, p);
  };

  const status = card.status ? pdfText(card.status) : "";
  const statusWidth = status ? doc.font(FONTS.bold).fontSize(8).widthOfString(status) + 10 : 0;
  const statusY = y;
  const title = `${card.name}${card.acronym ? ` (${card.acronym})` : ""}`;
  const titlePut = { font: FONTS.bold, size: 12.5, color: PDF_COLORS.accent, x, width: width - statusWidth - 8 };
  y += put(title, { ...titlePut, link: card.url }, card.url ? "Link" : "P") + 1;
  if (draw && status) {
    w.tags.artifact(() =>
      doc
        .roundedRect(x + width - statusWidth, statusY, statusWidth, 13, 6.5)
        .lineWidth(0.6)
        .stroke(PDF_COLORS.muted),
    );
    w.tags.leaf("P", () =>
      doc
        .font(FONTS.bold)
        .fontSize(8)
        .fillColor(PDF_COLORS.muted)
        .text(status, x + width - statusWidth + 5, statusY + 3, { lineBreak: false }),
    );
  }
  const note = cardNote(card, w.exportedAt);
  y += put(note, { font: FONTS.italic, size: 8.5, color: PDF_COLORS.muted, x, width }) + 6;

  const column = (width - GUTTER) / 2;
  const facts = () => {
    for (let i = 0; i < card.facts.length; i += 2) {
      const start = y;
      let tallest = 0;
      card.facts.slice(i, i + 2).forEach((fact, j) => {
        const px = x + j * (column + GUTTER);
        y = start;
        const one = () => {
          const label = put(
            fact.label.toUpperCase(),
            { font: FONTS.bold, size: 7, color: PDF_COLORS.muted, x: px, width: column },
            "Lbl",
          );
          y = start + label;
          const valuePut = { font: FONTS.regular, size: VALUE_SIZE, color: PDF_COLORS.text, x: px, width: column };
          doc.font(valuePut.font).fontSize(valuePut.size);
          const value = w.fitWords(fact.value, column, VALUE_SIZE);
          if (draw) {
            w.tags.group("LBody", () => {
              w.tags.content(() => write(value + (fact.refs.length ? " " : ""), valuePut, fact.refs.length > 0));
              if (fact.refs.length) w.citations(fact.refs, true);
            });
          }
          tallest = Math.max(tallest, label + height(value + refsText(fact), valuePut));
        };
        if (draw) w.tags.group("LI", one);
        else one();
      });
      y = start + tallest + 5;
    }
  };
  if (draw && card.facts.length) w.tags.group("L", facts);
  else facts();
  if (card.summary)
    y += put(card.summary, { font: FONTS.regular, size: VALUE_SIZE, color: PDF_COLORS.text, x, width }) + 2;
  doc.fillColor(PDF_COLORS.text);
  return y + PAD - at.y;
}

/** The height a card takes in the current frame (at most a page: a longer one is split). */
export function cardHeight(w: PdfWriter, card: CardView): number {
  const height = layout(w, card, { x: w.frame.x, y: 0, width: w.frame.width }, false);
  return Math.min(height, w.bottom - w.top);
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
  w.tags.artifact(() => {
    doc.save();
    doc.rect(at.x, at.y, at.width, height).fill(PDF_COLORS.card);
    doc.rect(at.x, at.y, BAR, height).fill(PDF_COLORS.accent);
    doc.lineWidth(0.75).rect(at.x, at.y, at.width, height).stroke(PDF_COLORS.accent);
    doc.restore();
  });
  w.tags.group("Sect", () => layout(w, card, at, true), { title: card.name });
  doc.x = w.frame.x;
  doc.y = at.y + height;
  w.gap(12);
}
