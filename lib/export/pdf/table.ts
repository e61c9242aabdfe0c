import type { CellAttributes } from "./structure";
import { FONTS, LINE_GAP, PDF_COLORS, type PdfWriter } from "./writer";

export type PdfCell = {
  text: string;
  bold?: boolean;
  fill?: string;
  span?: number;
  color?: string;
  /** Citations after the text, each linked to its Sources entry. */
  refs?: readonly number[];
  /** A header cell (TH) and what it heads; other cells are data (TD). */
  scope?: CellAttributes["scope"];
};
export type PdfTable = {
  /** A bold line above the table, kept on the page of the table's first rows. */
  caption?: string;
  /** Repeated at the top of every page the table runs onto. */
  header: PdfCell[] | null;
  rows: PdfCell[][];
  /** Rows never left last on a page (group rows of a matrix): they move on with the next row. */
  keepWithNext?: ReadonlySet<number>;
  columns: number;
  size: number;
  /** Relative widths; by default from the length of the longest word and the text of each column. */
  weights?: number[];
};

const PAD = 4;

/** Relative column widths: wide enough for each column's longest word, then by amount of text. */
export function naturalWeights(table: Pick<PdfTable, "header" | "rows" | "columns">): number[] {
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

type Placed = { cell: PdfCell; x: number; width: number; text: string };

function place(w: PdfWriter, row: PdfCell[], xs: number[], widths: number[], size: number): Placed[] {
  const placed: Placed[] = [];
  let column = 0;
  const add = (cell: PdfCell, x: number, width: number) => {
    w.doc.font(cell.bold ? FONTS.bold : FONTS.regular).fontSize(size);
    placed.push({ cell, x, width, text: cell.text ? w.fitWords(cell.text, width - 2 * PAD, size) : "" });
  };
  for (const cell of row) {
    if (column >= widths.length) break;
    const span = Math.min(cell.span ?? 1, widths.length - column);
    add(
      cell,
      xs[column]!,
      widths.slice(column, column + span).reduce((a, b) => a + b, 0),
    );
    column += span;
  }
  // A short row still gets its empty cells drawn, so the grid stays closed.
  for (; column < widths.length; column++) add({ text: "" }, xs[column]!, widths[column]!);
  return placed;
}

const refsSuffix = (cell: PdfCell) => (cell.refs?.length ? ` ${cell.refs.map((n) => `[${n}]`).join("")}` : "");

function rowHeight(w: PdfWriter, placed: Placed[], size: number): number {
  let height = size + 2 * PAD;
  for (const { cell, width, text } of placed) {
    if (!text) continue;
    const font = cell.bold ? FONTS.bold : FONTS.regular;
    const h = w.doc
      .font(font)
      .fontSize(size)
      .heightOfString(text + refsSuffix(cell), { width: width - 2 * PAD, lineGap: LINE_GAP });
    height = Math.max(height, h + 2 * PAD);
  }
  return height;
}

function cellText(w: PdfWriter, { cell, x, width, text }: Placed, y: number, size: number): void {
  const { doc } = w;
  doc
    .font(cell.bold ? FONTS.bold : FONTS.regular)
    .fontSize(size)
    .fillColor(cell.color ?? PDF_COLORS.text);
  const refs = cell.refs ?? [];
  doc.text(text + (refs.length ? " " : ""), x + PAD, y + PAD, {
    width: width - 2 * PAD,
    lineGap: LINE_GAP,
    continued: refs.length > 0,
  });
}

/** Draws a row; `tagged` rows are a TR of TH/TD elements, others (a repeated header) an artifact. */
function drawRow(w: PdfWriter, placed: Placed[], y: number, height: number, size: number, tagged: boolean): void {
  const { doc } = w;
  w.tags.artifact(() => {
    for (const { cell, x, width } of placed) {
      if (cell.fill) doc.rect(x, y, width, height).fill(cell.fill);
      doc.lineWidth(0.5).rect(x, y, width, height).stroke(PDF_COLORS.border);
    }
  });
  if (!tagged) {
    // A repeated header: its text is not read again. (No links: annotations are not artifacts.)
    w.tags.artifact(() => {
      for (const p of placed) if (p.text) cellText(w, { ...p, cell: { ...p.cell, refs: [] } }, y, size);
    });
    doc.fillColor(PDF_COLORS.text);
    return;
  }
  w.tags.group("TR", () => {
    for (const p of placed) {
      // The cell holds its text, then one Link per citation.
      w.tags.cell(p.cell.scope ? "TH" : "TD", { scope: p.cell.scope, colSpan: p.cell.span }, () => {
        if (!p.text) return;
        w.tags.content(() => cellText(w, p, y, size));
        if (p.cell.refs?.length) w.citations(p.cell.refs, true);
      });
    }
  });
  doc.fillColor(PDF_COLORS.text);
}

/** Height of a table's caption, header and first row: what a heading before it must stay with. */
export function tableLead(w: PdfWriter, table: PdfTable): number {
  const { widths, xs } = columns(w, table);
  const header = table.header ? rowHeight(w, place(w, table.header, xs, widths, table.size), table.size) : 0;
  const first = table.rows[0] ? rowHeight(w, place(w, table.rows[0], xs, widths, table.size), table.size) : 0;
  const caption = table.caption ? w.measure(table.caption, FONTS.bold, 10.5) + 4 : 0;
  return caption + header + first;
}

function columns(w: PdfWriter, table: PdfTable): { widths: number[]; xs: number[] } {
  const weights = table.weights ?? naturalWeights(table);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((weight) => (w.frame.width * weight) / total);
  const xs = widths.map((_, i) => w.frame.x + widths.slice(0, i).reduce((a, b) => a + b, 0));
  return { widths, xs };
}

/**
 * Draws a grid table in the writer's frame, row by row, tagged as Table > TR > TH/TD: a row that
 * does not fit on the page moves to the next one, under a repeated header row (an artifact: it is
 * read once). Cells hold plain text and linked citations; too-long words are hyphenated.
 */
export function drawTable(w: PdfWriter, table: PdfTable): void {
  const { widths, xs } = columns(w, table);
  const header = table.header ? place(w, table.header, xs, widths, table.size) : null;
  const headerHeight = header ? rowHeight(w, header, table.size) : 0;
  const rows = table.rows.map((row) => place(w, row, xs, widths, table.size));
  const heights = rows.map((row) => rowHeight(w, row, table.size));
  let y = w.doc.y;
  const startPage = (tagged: boolean) => {
    if (!header) return;
    drawRow(w, header, y, headerHeight, table.size, tagged);
    y += headerHeight;
  };
  const captionHeight = table.caption ? w.measure(table.caption, FONTS.bold, 10.5) + 4 : 0;
  if (y + captionHeight + headerHeight + (heights[0] ?? 0) > w.bottom) {
    w.newPage();
    y = w.doc.y;
  }
  w.tags.group("Table", () => {
    if (table.caption) {
      w.doc.y = y;
      w.text(table.caption, FONTS.bold, 10.5, PDF_COLORS.accent, {}, "Caption");
      y += captionHeight;
    }
    startPage(true);
    rows.forEach((placed, i) => {
      const height = heights[i]!;
      // A group row keeps the row after it on its page.
      const withNext = table.keepWithNext?.has(i) ? (heights[i + 1] ?? 0) : 0;
      if (y + height + withNext > w.bottom && y > w.top + headerHeight + 1) {
        w.newPage();
        y = w.doc.y;
        startPage(false);
      }
      drawRow(w, placed, y, height, table.size, true);
      y += height;
    });
  });
  w.doc.x = w.frame.x;
  w.doc.y = y;
  w.gap(8);
}
