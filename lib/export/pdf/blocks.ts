import { sliceMatrix } from "../matrix-layout";
import { refsText } from "../sources";
import type { Block, Inline, MatrixView, TableCell } from "../types";
import { drawCard } from "./card";
import { drawTable, type PdfCell } from "./table";
import { BODY_SIZE, FONTS, PDF_COLORS, type PdfWriter } from "./writer";

const HEADING_SIZES = [20, 16, 13, 11.5] as const;
const BULLETS = ["\u2022", "\u2013", "\u2022", "\u2013"];
const MATRIX_COLUMNS = 5;
const QUOTE_INDENT = 16;

const inlineText = (inlines: Inline[]) => inlines.map((i) => (i.type === "break" ? "\n" : i.text)).join("");

/** A cell's blocks as plain text (PDF table cells hold plain text): one line per paragraph. */
export function plainText(blocks: Block[]): string {
  return blocks.flatMap(plainLines).join("\n");
}

function plainLines(b: Block): string[] {
  switch (b.type) {
    case "heading":
    case "paragraph":
      return [inlineText(b.inlines)];
    case "list":
      return b.items.map((item, i) => `${b.ordered ? `${b.start + i}.` : "\u2022"} ${plainText(item)}`);
    case "blockquote":
      return [plainText(b.blocks)];
    case "table":
      return b.rows.map((row) => row.map((c) => plainText(c.blocks)).join(" | "));
    case "card":
      return [b.card.name];
    case "matrix":
      return [`Comparison: ${b.matrix.title}`];
    case "rule":
      return [];
  }
}

function heading(w: PdfWriter, block: Extract<Block, { type: "heading" }>): void {
  const size = HEADING_SIZES[block.level - 1] ?? BODY_SIZE;
  if (w.doc.y > w.top + 1) w.gap(size * 0.7);
  // Keep a heading with the start of what follows it.
  w.ensure(size * 1.5 + BODY_SIZE * 4);
  w.richText(block.inlines, { size, bold: true, color: block.level <= 2 ? PDF_COLORS.accent : PDF_COLORS.text });
  w.gap(size * 0.35);
}

function list(w: PdfWriter, block: Extract<Block, { type: "list" }>, depth: number): void {
  const last = block.start + block.items.length - 1;
  const markerWidth = block.ordered ? w.doc.font(FONTS.regular).fontSize(BODY_SIZE).widthOfString(`${last}.`) + 8 : 14;
  block.items.forEach((item, i) => {
    w.ensure(BODY_SIZE * 1.6);
    const y = w.doc.y;
    const marker = block.ordered ? `${block.start + i}.` : BULLETS[depth % BULLETS.length]!;
    w.doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(PDF_COLORS.text);
    w.doc.text(marker, w.frame.x, y, { width: markerWidth, lineBreak: false });
    w.doc.y = y;
    w.indented(markerWidth, () => blocks(w, item, depth + 1, 2));
  });
  w.gap(4);
}

/** A left bar beside a quote, on every page it covers. */
function quote(w: PdfWriter, children: Block[], depth: number): void {
  const startPage = w.pageIndex;
  const startY = w.doc.y;
  w.indented(QUOTE_INDENT, () => blocks(w, children, depth, 4));
  const endPage = w.pageIndex;
  const endY = w.doc.y - 4;
  const x = w.frame.x + 3;
  for (let page = startPage; page <= endPage; page++) {
    w.doc.switchToPage(page);
    const from = page === startPage ? startY : w.top;
    const to = page === endPage ? endY : w.bottom;
    w.doc.save().lineWidth(3).moveTo(x, from).lineTo(x, to).stroke(PDF_COLORS.border).restore();
  }
  w.doc.switchToPage(endPage);
  w.doc.y = endY + 4;
  w.gap(4);
}

function rule(w: PdfWriter): void {
  w.ensure(18);
  const y = w.doc.y + 8;
  w.doc
    .save()
    .lineWidth(0.75)
    .moveTo(w.frame.x, y)
    .lineTo(w.frame.x + w.frame.width, y)
    .stroke(PDF_COLORS.border)
    .restore();
  w.doc.y = y + 10;
}

function table(w: PdfWriter, rows: TableCell[][]): void {
  if (!rows.length) return;
  const toCells = (row: TableCell[]): PdfCell[] =>
    row.map((c) => ({
      text: plainText(c.blocks),
      bold: c.header,
      fill: c.header ? PDF_COLORS.head : undefined,
      span: c.colspan,
    }));
  const columns = Math.max(...rows.map((row) => row.reduce((n, c) => n + c.colspan, 0)));
  const hasHeader = rows[0]!.every((c) => c.header);
  drawTable(w, {
    header: hasHeader ? toCells(rows[0]!) : null,
    rows: (hasHeader ? rows.slice(1) : rows).map(toCells),
    columns,
    size: 9.5,
  });
}

function matrix(w: PdfWriter, m: MatrixView): void {
  const title = (part: string) => `Comparison: ${m.title}${part ? ` (${part})` : ""}`;
  if (!m.found || !m.columns.length) {
    w.ensure(40);
    w.text(title(""), FONTS.bold, 10.5, PDF_COLORS.accent);
    w.gap(4);
  } else {
    for (const slice of sliceMatrix(m, MATRIX_COLUMNS)) {
      const n = slice.columns.length;
      drawTable(w, {
        caption: title(slice.part),
        header: [m.corner, ...slice.columns].map((text) => ({ text, bold: true, fill: PDF_COLORS.head })),
        rows: slice.rows.map((r) =>
          r.kind === "group"
            ? [{ text: r.label, bold: true, fill: PDF_COLORS.group, span: n + 1 }]
            : [
                { text: r.label, bold: true },
                ...r.cells.map((c) => ({ text: c.refs.length ? `${c.text} ${refsText(c.refs)}` : c.text })),
              ],
        ),
        columns: n + 1,
        size: 8,
        weights: [1.6, ...Array<number>(n).fill(1)],
      });
    }
  }
  for (const notice of m.notices) w.text(notice, FONTS.italic, 8.5, PDF_COLORS.muted);
  w.gap(6);
}

/** Draws one export block. */
export function block(w: PdfWriter, b: Block, depth = 0): void {
  switch (b.type) {
    case "heading":
      heading(w, b);
      break;
    case "paragraph":
      w.richText(b.inlines);
      w.gap(6);
      break;
    case "list":
      list(w, b, depth);
      break;
    case "blockquote":
      quote(w, b.blocks, depth);
      break;
    case "rule":
      rule(w);
      break;
    case "table":
      table(w, b.rows);
      break;
    case "card":
      drawCard(w, b.card);
      break;
    case "matrix":
      matrix(w, b.matrix);
      break;
  }
}

/** Draws blocks in order; `spacing` replaces the paragraph gap inside lists and quotes. */
export function blocks(w: PdfWriter, list: Block[], depth = 0, spacing?: number): void {
  for (const b of list) {
    if (spacing !== undefined && b.type === "paragraph") {
      w.richText(b.inlines);
      w.gap(spacing);
    } else block(w, b, depth);
  }
}
