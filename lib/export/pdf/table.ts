import { pdfText } from "./text";
import { FONTS, LINE_GAP, PDF_COLORS, type PdfWriter } from "./writer";

export type PdfCell = { text: string; bold?: boolean; fill?: string; span?: number; color?: string };
export type PdfTable = {
  /** A bold line above the table, kept on the page of the table's first rows. */
  caption?: string;
  /** Repeated at the top of every page the table runs onto. */
  header: PdfCell[] | null;
  rows: PdfCell[][];
  columns: number;
  size: number;
  /** Relative widths; by default from the length of the longest word and the text of each column. */
  weights?: number[];
};

const PAD = 4;

function naturalWeights(table: PdfTable): number[] {
  const weights = new Array<number>(table.columns).fill(4);
  for (const row of [...(table.header ? [table.header] : []), ...table.rows]) {
    let column = 0;
    for (const cell of row) {
      const span = cell.span ?? 1;
      if (span === 1 && column < table.columns) {
        const longestWord = Math.max(0, ...cell.text.split(/\s+/).map((w) => w.length));
        weights[column] = Math.max(weights[column]!, Math.min(30, Math.max(longestWord, cell.text.length / 3)));
      }
      column += span;
    }
  }
  return weights;
}

type Placed = { cell: PdfCell; x: number; width: number };

function place(row: PdfCell[], xs: number[], widths: number[]): Placed[] {
  const placed: Placed[] = [];
  let column = 0;
  for (const cell of row) {
    if (column >= widths.length) break;
    const span = Math.min(cell.span ?? 1, widths.length - column);
    const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
    placed.push({ cell, x: xs[column]!, width });
    column += span;
  }
  // A short row still gets its empty cells drawn, so the grid stays closed.
  for (; column < widths.length; column++) placed.push({ cell: { text: "" }, x: xs[column]!, width: widths[column]! });
  return placed;
}

function rowHeight(w: PdfWriter, placed: Placed[], size: number): number {
  let height = size + 2 * PAD;
  for (const { cell, width } of placed) {
    if (!cell.text) continue;
    const font = cell.bold ? FONTS.bold : FONTS.regular;
    const h = w.doc
      .font(font)
      .fontSize(size)
      .heightOfString(pdfText(cell.text), { width: width - 2 * PAD, lineGap: LINE_GAP });
    height = Math.max(height, h + 2 * PAD);
  }
  return height;
}

function drawRow(w: PdfWriter, placed: Placed[], y: number, height: number, size: number): void {
  const { doc } = w;
  for (const { cell, x, width } of placed) {
    if (cell.fill) doc.rect(x, y, width, height).fill(cell.fill);
    doc.lineWidth(0.5).rect(x, y, width, height).stroke(PDF_COLORS.border);
    if (!cell.text) continue;
    doc
      .font(cell.bold ? FONTS.bold : FONTS.regular)
      .fontSize(size)
      .fillColor(cell.color ?? PDF_COLORS.text)
      .text(pdfText(cell.text), x + PAD, y + PAD, { width: width - 2 * PAD, lineGap: LINE_GAP });
  }
  doc.fillColor(PDF_COLORS.text);
}

/**
 * Draws a grid table in the writer's frame, row by row: a row that does not fit on the page moves
 * to the next one, under a repeated header row. Cells hold plain text.
 */
export function drawTable(w: PdfWriter, table: PdfTable): void {
  const weights = table.weights ?? naturalWeights(table);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((weight) => (w.frame.width * weight) / total);
  const xs = widths.map((_, i) => w.frame.x + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const header = table.header ? place(table.header, xs, widths) : null;
  const headerHeight = header ? rowHeight(w, header, table.size) : 0;
  let y = w.doc.y;
  const startPage = () => {
    if (!header) return;
    drawRow(w, header, y, headerHeight, table.size);
    y += headerHeight;
  };
  const first = table.rows[0] ? rowHeight(w, place(table.rows[0], xs, widths), table.size) : 0;
  const captionHeight = table.caption ? w.measure(table.caption, FONTS.bold, 10.5) + 4 : 0;
  if (y + captionHeight + headerHeight + first > w.bottom) {
    w.newPage();
    y = w.doc.y;
  }
  if (table.caption) {
    w.doc.y = y;
    w.text(table.caption, FONTS.bold, 10.5, PDF_COLORS.accent);
    y += captionHeight;
  }
  startPage();
  for (const row of table.rows) {
    const placed = place(row, xs, widths);
    const height = rowHeight(w, placed, table.size);
    if (y + height > w.bottom && y > w.top + headerHeight + 1) {
      w.newPage();
      y = w.doc.y;
      startPage();
    }
    drawRow(w, placed, y, height, table.size);
    y += height;
  }
  w.doc.x = w.frame.x;
  w.doc.y = y;
  w.gap(8);
}
