import { sliceMatrix } from "../matrix-layout";
import type { Block, Inline, MatrixView, TableCell } from "../types";
import { cardHeight, drawCard } from "./card";
import { drawTable, naturalWeights, type PdfCell, type PdfTable, tableLead } from "./table";
import { reserveToc } from "./toc";
import { BODY_SIZE, FONTS, inlinePlainText, PDF_COLORS, type PdfWriter } from "./writer";

const HEADING_SIZES = [20, 16, 13, 11.5] as const;
const BULLETS = ["\u2022", "\u2013", "\u2022", "\u2013"];
const MATRIX_COLUMNS = 5;
const QUOTE_INDENT = 16;

const inlineText = (inlines: Inline[]) => inlines.map(inlinePlainText).join("");

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
    case "callout":
      return [b.title, plainText(b.blocks)];
    case "rule":
    case "toc":
      return [];
  }
}

const LINE = BODY_SIZE * 1.2 + 2;

/** How much of `next` must share the page with the heading before it (keep-with-next). */
function leadHeight(w: PdfWriter, next: Block | undefined): number {
  if (!next) return 0;
  switch (next.type) {
    case "paragraph":
      return Math.min(w.measureInlines(next.inlines), 2 * LINE);
    case "heading":
      return headingHeight(w, next) + 2 * LINE;
    case "card":
      return cardHeight(w, next.card);
    case "table":
      return tableLead(w, documentTable(next.rows));
    case "matrix": {
      const first = matrixTables(next.matrix)[0];
      return first ? tableLead(w, first) : 3 * LINE;
    }
    case "rule":
      return 18;
    default:
      return 2 * LINE;
  }
}

function headingHeight(w: PdfWriter, block: Extract<Block, { type: "heading" }>): number {
  const size = HEADING_SIZES[block.level - 1] ?? BODY_SIZE;
  return w.measureInlines(block.inlines, size, true) + size * 1.05;
}

/**
 * A heading, tagged H2-H5 (the title is the H1), with a bookmark and an anchor for the TOC. It
 * never ends a page: it moves to the next page unless the start of what follows fits after it.
 */
function heading(w: PdfWriter, block: Extract<Block, { type: "heading" }>, next: Block | undefined): void {
  const size = HEADING_SIZES[block.level - 1] ?? BODY_SIZE;
  if (w.doc.y > w.top + 1) w.gap(size * 0.7);
  const together = headingHeight(w, block) + leadHeight(w, next);
  if (together <= w.bottom - w.top) w.ensure(together);
  else w.ensure(headingHeight(w, block) + 2 * LINE);
  const section = w.sections.get(block);
  if (section) {
    w.sectionPages.set(section.id, w.pageIndex);
    w.anchor(section.id);
    w.bookmark(section.text, block.level);
  }
  w.richText(block.inlines, {
    size,
    bold: true,
    color: block.level <= 2 ? PDF_COLORS.accent : PDF_COLORS.text,
    tag: `H${block.level + 1}`,
  });
  w.gap(size * 0.35);
}

function list(w: PdfWriter, block: Extract<Block, { type: "list" }>, depth: number): void {
  const last = block.start + block.items.length - 1;
  const markerWidth = block.ordered ? w.doc.font(FONTS.regular).fontSize(BODY_SIZE).widthOfString(`${last}.`) + 8 : 14;
  w.tags.group("L", () => {
    block.items.forEach((item, i) => {
      w.ensure(BODY_SIZE * 1.6);
      const y = w.doc.y;
      const marker = block.ordered ? `${block.start + i}.` : BULLETS[depth % BULLETS.length]!;
      w.tags.group("LI", () => {
        w.tags.leaf("Lbl", () => {
          w.doc.font(FONTS.regular).fontSize(BODY_SIZE).fillColor(PDF_COLORS.text);
          w.doc.text(marker, w.frame.x, y, { width: markerWidth, lineBreak: false });
        });
        w.doc.y = y;
        w.tags.group("LBody", () => w.indented(markerWidth, () => blocks(w, item, depth + 1, 2)));
      });
    });
  });
  w.gap(4);
}

/** A left bar beside a quote (or a callout, with its title), on every page it covers. */
function quote(w: PdfWriter, children: Block[], depth: number, title?: string): void {
  if (title) w.ensure(BODY_SIZE * 4);
  const startPage = w.pageIndex;
  const startY = w.doc.y;
  const color = title ? PDF_COLORS.accent : PDF_COLORS.border;
  w.tags.group(title ? "Div" : "BlockQuote", () =>
    w.indented(QUOTE_INDENT, () => {
      if (title) {
        w.text(title.toUpperCase(), FONTS.bold, 8.5, PDF_COLORS.accent);
        w.gap(3);
      }
      blocks(w, children, depth, 4);
    }),
  );
  const endPage = w.pageIndex;
  const endY = w.doc.y - 4;
  const x = w.frame.x + 3;
  for (let page = startPage; page <= endPage; page++) {
    w.doc.switchToPage(page);
    const from = page === startPage ? startY : w.top;
    const to = page === endPage ? endY : w.bottom;
    w.tags.artifact(() => w.doc.save().lineWidth(3).moveTo(x, from).lineTo(x, to).stroke(color).restore());
  }
  w.doc.switchToPage(endPage);
  w.doc.y = endY + 4;
  w.gap(4);
}

function rule(w: PdfWriter): void {
  w.ensure(18);
  const y = w.doc.y + 8;
  w.tags.artifact(() =>
    w.doc
      .save()
      .lineWidth(0.75)
      .moveTo(w.frame.x, y)
      .lineTo(w.frame.x + w.frame.width, y)
      .stroke(PDF_COLORS.border)
      .restore(),
  );
  w.doc.y = y + 10;
}

function documentTable(rows: TableCell[][]): PdfTable {
  const hasHeader = rows[0]?.every((c) => c.header) ?? false;
  const toCells = (row: TableCell[], headerRow: boolean): PdfCell[] =>
    row.map((c) => ({
      text: plainText(c.blocks),
      bold: c.header,
      fill: c.header ? PDF_COLORS.head : undefined,
      span: c.colspan,
      scope: c.header ? (headerRow ? "Column" : "Row") : undefined,
    }));
  const columns = Math.max(0, ...rows.map((row) => row.reduce((n, c) => n + c.colspan, 0)));
  return {
    header: hasHeader ? toCells(rows[0]!, true) : null,
    rows: (hasHeader ? rows.slice(1) : rows).map((row) => toCells(row, false)),
    columns,
    size: 9.5,
  };
}

function table(w: PdfWriter, rows: TableCell[][]): void {
  if (rows.length) drawTable(w, documentTable(rows));
}

const matrixTitle = (m: MatrixView, part: string) => `Comparison: ${m.title}${part ? ` (${part})` : ""}`;

/**
 * A matrix as tables of at most MATRIX_COLUMNS value columns. Column widths follow the text (the
 * label column at least as wide as its longest word), so words are not cut in narrow columns.
 */
function matrixTables(m: MatrixView): PdfTable[] {
  if (!m.found || !m.columns.length) return [];
  return sliceMatrix(m, MATRIX_COLUMNS).map((slice) => {
    const n = slice.columns.length;
    const header: PdfCell[] = [m.corner, ...slice.columns].map((text) => ({
      text,
      bold: true,
      fill: PDF_COLORS.head,
      scope: "Column",
    }));
    const rows = slice.rows.map((r): PdfCell[] =>
      r.kind === "group"
        ? [{ text: r.label, bold: true, fill: PDF_COLORS.group, span: n + 1, scope: "Row" }]
        : [{ text: r.label, bold: true, scope: "Row" }, ...r.cells.map((c) => ({ text: c.text, refs: c.refs }))],
    );
    const keepWithNext = new Set(slice.rows.flatMap((r, i) => (r.kind === "group" ? [i] : [])));
    const table = { caption: matrixTitle(m, slice.part), header, rows, keepWithNext, columns: n + 1, size: 8 };
    const weights = naturalWeights(table);
    // The label column reads first and holds the longest texts: never narrower than a value column.
    weights[0] = Math.max(weights[0]!, ...weights.slice(1));
    return { ...table, weights };
  });
}

function matrix(w: PdfWriter, m: MatrixView): void {
  const tables = matrixTables(m);
  if (!tables.length) {
    w.ensure(40);
    w.text(matrixTitle(m, ""), FONTS.bold, 10.5, PDF_COLORS.accent);
    w.gap(4);
  }
  for (const t of tables) drawTable(w, t);
  for (const notice of m.notices) w.text(notice, FONTS.italic, 8.5, PDF_COLORS.muted);
  w.gap(6);
}

/** Draws one export block; `next` is the block after it (a heading keeps with it). */
export function block(w: PdfWriter, b: Block, depth = 0, next?: Block): void {
  switch (b.type) {
    case "heading":
      heading(w, b, next);
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
    case "callout":
      quote(w, b.blocks, depth, b.title);
      break;
    case "toc":
      // Page numbers are known only at the end: reserve its pages here, drawn by toPdf (drawToc).
      if (!w.outline.length || w.tocPlace) break;
      if (w.doc.y > w.top + 1) w.newPage();
      w.tocPlace = reserveToc(w, w.outline);
      break;
  }
}

/** Draws blocks in order; `spacing` replaces the paragraph gap inside lists and quotes. */
export function blocks(w: PdfWriter, list: Block[], depth = 0, spacing?: number): void {
  list.forEach((b, i) => {
    if (spacing !== undefined && b.type === "paragraph") {
      w.richText(b.inlines);
      w.gap(spacing);
    } else block(w, b, depth, list[i + 1]);
  });
}
