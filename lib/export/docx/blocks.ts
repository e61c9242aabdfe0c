import {
  BorderStyle,
  ExternalHyperlink,
  type IRunOptions,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { factText } from "../cards";
import { sliceMatrix } from "../matrix-layout";
import { refsText } from "../sources";
import type { Block, CardView, TableCell as DocCell, Inline, MatrixView } from "../types";

/** Characters XML 1.0 forbids (a DOCX holding one does not open). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
export const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

export const COLORS = {
  accent: "1F4E8C",
  muted: "5B6470",
  border: "C9D1DB",
  head: "EEF1F5",
  card: "F4F7FB",
  group: "DDE4EE",
};
const INDENT = 567; // 1 cm in twips
const MATRIX_COLUMNS = 6;

type Element = Paragraph | Table;
/** Where a block is written: list depth and extra indentation (lists, quotes), shared list numbering. */
export type DocxContext = {
  depth: number;
  indent: number;
  quote: boolean;
  lists: { next: number; starts: Set<number> };
};

export function run(text: string, options: IRunOptions = {}): TextRun {
  return new TextRun({ ...options, text: xmlSafe(text) });
}

export function runs(inlines: Inline[], base: IRunOptions = {}): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.type === "break") return new TextRun({ break: 1 });
    const { marks } = inline;
    const options: IRunOptions = {
      ...base,
      bold: marks.bold ?? base.bold,
      italics: marks.italic ?? base.italics,
      underline: marks.underline || marks.href ? {} : undefined,
      strike: marks.strike,
      color: marks.href ? COLORS.accent : base.color,
    };
    const textRun = run(inline.text, options);
    return marks.href ? new ExternalHyperlink({ link: marks.href, children: [textRun] }) : textRun;
  });
}

const shade = (fill: string) => ({ fill, type: ShadingType.CLEAR, color: "auto" });
const border = (color: string, size = 4) => ({ style: BorderStyle.SINGLE, size, color });
const allBorders = (color: string, size = 4) => ({
  top: border(color, size),
  bottom: border(color, size),
  left: border(color, size),
  right: border(color, size),
});

/** Word wants every cell to end with a paragraph. */
function cellChildren(children: Element[]): Element[] {
  const last = children[children.length - 1];
  return last instanceof Paragraph ? children : [...children, new Paragraph({})];
}

function paragraphIn(ctx: DocxContext, children: ParagraphChild[]): Paragraph {
  return new Paragraph({
    children,
    indent: ctx.indent ? { left: ctx.indent } : undefined,
    border: ctx.quote ? { left: { ...border(COLORS.border, 18), space: 12 } } : undefined,
  });
}

function listBlocks(block: Extract<Block, { type: "list" }>, ctx: DocxContext): Element[] {
  // Every ordered list is its own numbering instance, so each one counts from its start.
  let instance = 0;
  if (block.ordered) {
    instance = ++ctx.lists.next;
    ctx.lists.starts.add(block.start);
  }
  const level = Math.min(ctx.depth, 8);
  return block.items.flatMap((item) => {
    const inner: DocxContext = {
      ...ctx,
      depth: ctx.depth + 1,
      indent: INDENT * (level + 1) + (ctx.quote ? INDENT : 0),
    };
    return item.flatMap((child, i) => {
      if (i > 0 || (child.type !== "paragraph" && child.type !== "heading")) return blockElements(child, inner);
      return [
        new Paragraph({
          children: runs(child.inlines),
          numbering: block.ordered ? { reference: `ordered-${block.start}`, level, instance } : undefined,
          bullet: block.ordered ? undefined : { level },
        }),
      ];
    });
  });
}

function docTable(rows: DocCell[][], ctx: DocxContext): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      ...allBorders(COLORS.border),
      insideHorizontal: border(COLORS.border),
      insideVertical: border(COLORS.border),
    },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: (r === 0 && row.every((c) => c.header)) || undefined,
          children: row.map(
            (cell) =>
              new TableCell({
                children: cellChildren(
                  cell.blocks.flatMap((b) => blockElements(b, { ...ctx, depth: 0, indent: 0, quote: false })),
                ),
                columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
                rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
                shading: cell.header ? shade(COLORS.head) : undefined,
              }),
          ),
        }),
    ),
  });
}

/** A framework card: a one-cell table with a coloured border and background, facts as labelled lines. */
function cardTable(card: CardView): Table {
  const title: ParagraphChild[] = [run(card.name, { bold: true, size: 26, color: COLORS.accent })];
  if (card.acronym) title.push(run(` (${card.acronym})`, { size: 26, color: COLORS.muted }));
  const linked = card.url ? [new ExternalHyperlink({ link: card.url, children: title })] : title;
  const children: Paragraph[] = [
    new Paragraph({
      children: [...linked, ...(card.status ? [run(`   ${card.status}`, { size: 18, color: COLORS.muted })] : [])],
    }),
    new Paragraph({
      children: [run(card.note, { italics: true, size: 18, color: COLORS.muted })],
      spacing: { after: 80 },
    }),
    ...card.facts.map(
      (f) =>
        new Paragraph({ children: [run(`${f.label}: `, { bold: true }), run(factText(f))], spacing: { after: 20 } }),
    ),
  ];
  if (card.summary) children.push(new Paragraph({ children: [run(card.summary)], spacing: { before: 80 } }));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...allBorders(COLORS.accent, 8), left: border(COLORS.accent, 36) },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            children,
            shading: shade(COLORS.card),
            margins: { top: 100, bottom: 100, left: 160, right: 160 },
          }),
        ],
      }),
    ],
  });
}

function matrixElements(matrix: MatrixView): Element[] {
  const small = { size: 16 };
  const cell = (text: string, options: { bold?: boolean; fill?: string; span?: number } = {}) =>
    new TableCell({
      children: [new Paragraph({ children: [run(text, { ...small, bold: options.bold })] })],
      shading: options.fill ? shade(options.fill) : undefined,
      columnSpan: options.span,
    });
  const out: Element[] = [];
  const caption = (part: string) =>
    new Paragraph({
      children: [run(`Comparison: ${matrix.title}${part ? ` (${part})` : ""}`, { bold: true })],
      keepNext: true,
      spacing: { before: 200, after: 80 },
    });
  if (!matrix.found || !matrix.columns.length) out.push(caption(""));
  else {
    for (const slice of sliceMatrix(matrix, MATRIX_COLUMNS)) {
      out.push(caption(slice.part));
      const header = new TableRow({
        tableHeader: true,
        children: [matrix.corner, ...slice.columns].map((c) => cell(c, { bold: true, fill: COLORS.head })),
      });
      const rows = slice.rows.map((r) =>
        r.kind === "group"
          ? new TableRow({
              children: [cell(r.label, { bold: true, fill: COLORS.group, span: slice.columns.length + 1 })],
            })
          : new TableRow({
              cantSplit: true,
              children: [
                cell(r.label, { bold: true }),
                ...r.cells.map((c) => cell(c.refs.length ? `${c.text} ${refsText(c.refs)}` : c.text)),
              ],
            }),
      );
      out.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }));
    }
  }
  for (const notice of matrix.notices)
    out.push(new Paragraph({ children: [run(notice, { italics: true, ...small, color: COLORS.muted })] }));
  return out;
}

const HEADINGS = ["Heading1", "Heading2", "Heading3", "Heading4"] as const;

/** The DOCX elements of one export block. */
export function blockElements(block: Block, ctx: DocxContext): Element[] {
  switch (block.type) {
    case "heading":
      return [new Paragraph({ heading: HEADINGS[block.level - 1], children: runs(block.inlines) })];
    case "paragraph":
      return [paragraphIn(ctx, runs(block.inlines))];
    case "list":
      return listBlocks(block, ctx);
    case "blockquote":
      return block.blocks.flatMap((b) => blockElements(b, { ...ctx, quote: true, indent: ctx.indent + INDENT }));
    case "rule":
      return [
        new Paragraph({ border: { bottom: { ...border(COLORS.border, 6), space: 1 } }, spacing: { after: 200 } }),
      ];
    case "table":
      return block.rows.length ? [docTable(block.rows, ctx), new Paragraph({})] : [];
    case "card":
      return [cardTable(block.card), new Paragraph({})];
    case "matrix":
      return [...matrixElements(block.matrix), new Paragraph({})];
  }
}
