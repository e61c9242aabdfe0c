import {
  Bookmark,
  BorderStyle,
  DeletedTextRun,
  ExternalHyperlink,
  FootnoteReferenceRun,
  InsertedTextRun,
  InternalHyperlink,
  type IRunOptions,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { sliceMatrix } from "../matrix-layout";
import { refsText } from "../sources";
import { cardNote } from "../text";
import type { Block, CardView, TableCell as DocCell, Inline, MatrixView, SuggestionMark } from "../types";
import { commentRuns } from "./comments";
import { describeTable } from "./table-properties";

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
/** The text width of an A4 page with the document's 1300-twip margins. */
const TEXT_WIDTH = 11906 - 2 * 1300;

/** Word bookmark names: a letter first, then letters, digits and underscores. */
export const sourceBookmark = (n: number) => `source_${n}`;
export const citeBookmark = (n: number) => `cite_${n}`;

type Element = Paragraph | Table | TableOfContents;
/** Where a block is written: list depth and extra indentation (lists, quotes), shared list numbering. */
export type DocxContext = {
  depth: number;
  indent: number;
  quote: boolean;
  /** Inside a header cell: text is bold. */
  strong?: boolean;
  lists: { next: number; starts: Set<number> };
  /** Sources cited so far: the first citation of each is bookmarked, for the way back from Sources. */
  cited: Set<number>;
  /** When the document was read: live cards are printed "as of" this. */
  exportedAt: string;
};

export function run(text: string, options: IRunOptions = {}): TextRun {
  return new TextRun({ ...options, text: xmlSafe(text) });
}

/**
 * The runs of inline content. With `ctx`, citations link to their Sources entries; footnote marks
 * are real Word footnote references (the notes are the document's footnotes part, see toDocx).
 */
export function runs(inlines: Inline[], base: IRunOptions = {}, ctx?: DocxContext): ParagraphChild[] {
  return inlines.flatMap((inline): ParagraphChild[] => {
    if (inline.type === "break") return [new TextRun({ break: 1 })];
    if (inline.type === "cite") return ctx ? citationRuns(inline.refs, ctx, base) : [run(refsText(inline.refs), base)];
    if (inline.type === "note") return [new FootnoteReferenceRun(inline.n)];
    const { marks } = inline;
    const options: IRunOptions = {
      ...base,
      bold: marks.bold ?? base.bold,
      italics: marks.italic ?? base.italics,
      underline: marks.underline ? {} : undefined,
      strike: marks.strike,
      // Links take the Hyperlink character style (colour and underline), as Word's own links do.
      style: marks.href ? "Hyperlink" : base.style,
    };
    if (marks.suggestion) return commentRuns(inline, [trackedRun(inline.text, options, marks.suggestion)]);
    const textRun = run(inline.text, options);
    return commentRuns(inline, [
      marks.href ? new ExternalHyperlink({ link: marks.href, children: [textRun] }) : textRun,
    ]);
  });
}

// Revision ids must be unique within a document; a process-wide counter is.
let revision = 0;

/** A pending suggestion as a Word tracked change (w:ins / w:del with author and date). */
function trackedRun(text: string, options: IRunOptions, s: SuggestionMark) {
  revision = (revision % 2_000_000_000) + 1;
  const change = {
    ...options,
    text: xmlSafe(text),
    id: revision,
    author: s.author,
    date: s.at ?? new Date(0).toISOString(),
  };
  return s.kind === "insert" ? new InsertedTextRun(change) : new DeletedTextRun(change);
}

/**
 * Citations "[1][4]": each a link to its bookmarked Sources entry; the first citation of a
 * source is itself bookmarked, so the entry can link back to it.
 */
export function citationRuns(refs: readonly number[], ctx: DocxContext, base: IRunOptions = {}): ParagraphChild[] {
  return refs.map((n) => {
    const link = new InternalHyperlink({
      anchor: sourceBookmark(n),
      children: [run(`[${n}]`, { ...base, style: "Hyperlink" })],
    });
    if (ctx.cited.has(n)) return link;
    ctx.cited.add(n);
    return new Bookmark({ id: citeBookmark(n), children: [link] });
  });
}

/** A value followed by its citations ("Consensus [1][2]"). */
function citedText(text: string, refs: readonly number[], ctx: DocxContext, base: IRunOptions = {}): ParagraphChild[] {
  return refs.length ? [run(`${text} `, base), ...citationRuns(refs, ctx, base)] : [run(text, base)];
}

const shade = (fill: string) => ({ fill, type: ShadingType.CLEAR, color: "auto" });
const border = (color: string, size = 4) => ({ style: BorderStyle.SINGLE, size, color });
const allBorders = (color: string, size = 4) => ({
  top: border(color, size),
  bottom: border(color, size),
  left: border(color, size),
  right: border(color, size),
});

/** Word wants every cell to end with a paragraph; a table of contents field is not drawn in a cell. */
function cellChildren(elements: Element[]): (Paragraph | Table)[] {
  const children = elements.filter((e): e is Paragraph | Table => !(e instanceof TableOfContents));
  const last = children[children.length - 1];
  return last instanceof Paragraph ? children : [...children, new Paragraph({})];
}

/** A paragraph mark that is part of a pending suggestion, as Word's tracked paragraph mark. */
function trackedBreak(s: SuggestionMark | undefined) {
  if (!s) return {};
  revision = (revision % 2_000_000_000) + 1;
  const change = { id: revision, author: s.author, date: s.at ?? new Date(0).toISOString() };
  return { run: s.kind === "insert" ? { insertion: change } : { deletion: change } };
}

function paragraphIn(ctx: DocxContext, inlines: Inline[], breakSuggestion?: SuggestionMark): Paragraph {
  const children = runs(inlines, ctx.strong ? { bold: true } : {}, ctx);
  return new Paragraph({
    ...trackedBreak(breakSuggestion),
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
          children: runs(child.inlines, {}, ctx),
          numbering: block.ordered ? { reference: `ordered-${block.start}`, level, instance } : undefined,
          bullet: block.ordered ? undefined : { level },
        }),
      ];
    });
  });
}

function docTable(rows: DocCell[][], ctx: DocxContext): Table {
  const table = new Table({
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
                  cell.blocks.flatMap((b) =>
                    blockElements(b, { ...ctx, depth: 0, indent: 0, quote: false, strong: cell.header }),
                  ),
                ),
                columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
                rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
                shading: cell.header ? shade(COLORS.head) : undefined,
              }),
          ),
        }),
    ),
  });
  const columns = Math.max(0, ...rows.map((row) => row.reduce((n, c) => n + c.colspan, 0)));
  return describeTable(table, "Table", `A table of ${rows.length} rows and ${columns} columns.`);
}

/** A framework card: a one-cell table with a coloured border and background, facts as labelled lines. */
function cardTable(card: CardView, ctx: DocxContext): Table {
  const title: ParagraphChild[] = [run(card.name, { bold: true, size: 26, color: COLORS.accent })];
  if (card.acronym) title.push(run(` (${card.acronym})`, { size: 26, color: COLORS.muted }));
  const linked = card.url ? [new ExternalHyperlink({ link: card.url, children: title })] : title;
  const children: Paragraph[] = [
    new Paragraph({
      children: [...linked, ...(card.status ? [run(`   ${card.status}`, { size: 18, color: COLORS.muted })] : [])],
    }),
    new Paragraph({
      children: [run(cardNote(card, ctx.exportedAt), { italics: true, size: 18, color: COLORS.muted })],
      spacing: { after: 80 },
    }),
    ...card.facts.map(
      (f) =>
        new Paragraph({
          children: [run(`${f.label}: `, { bold: true }), ...citedText(f.value, f.refs, ctx)],
          spacing: { after: 20 },
        }),
    ),
  ];
  if (card.summary) children.push(new Paragraph({ children: [run(card.summary)], spacing: { before: 80 } }));
  const table = new Table({
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
  return describeTable(table, card.name, `Framework card: ${card.name}, ${card.facts.length} facts.`);
}

/**
 * Column widths of a matrix slice in twips: each column at least as wide as its longest word,
 * the rest shared by amount of text; the label column never narrower than a value column.
 */
function matrixWidths(labels: string[], columns: string[][]): number[] {
  const weight = (texts: string[]) =>
    Math.max(4, ...texts.map((t) => Math.min(30, Math.max(...t.split(/\s+/).map((w) => w.length), t.length / 3))));
  const weights = [weight(labels), ...columns.map(weight)];
  weights[0] = Math.max(weights[0]!, ...weights.slice(1));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.round((TEXT_WIDTH * w) / total));
}

function matrixElements(matrix: MatrixView, ctx: DocxContext): Element[] {
  const small = { size: 16 };
  const cell = (children: ParagraphChild[], options: { fill?: string; span?: number } = {}) =>
    new TableCell({
      children: [new Paragraph({ children })],
      shading: options.fill ? shade(options.fill) : undefined,
      columnSpan: options.span,
    });
  const bold = (text: string) => [run(text, { ...small, bold: true })];
  const out: Element[] = [];
  const caption = (part: string) =>
    new Paragraph({
      style: "Caption",
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
        cantSplit: true,
        children: [matrix.corner, ...slice.columns].map((c) => cell(bold(c), { fill: COLORS.head })),
      });
      const rows = slice.rows.map((r) =>
        r.kind === "group"
          ? new TableRow({
              cantSplit: true,
              children: [
                new TableCell({
                  // A group row stays on the page of the row after it.
                  children: [new Paragraph({ children: bold(r.label), keepNext: true })],
                  shading: shade(COLORS.group),
                  columnSpan: slice.columns.length + 1,
                }),
              ],
            })
          : new TableRow({
              cantSplit: true,
              children: [cell(bold(r.label)), ...r.cells.map((c) => cell(citedText(c.text, c.refs, ctx, small)))],
            }),
      );
      const labels = slice.rows.map((r) => r.label).concat(matrix.corner);
      const columns = slice.columns.map((c, i) => [
        c,
        ...slice.rows.flatMap((r) => (r.kind === "row" ? [r.cells[i]?.text ?? ""] : [])),
      ]);
      const table = new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: matrixWidths(labels, columns),
        layout: TableLayoutType.FIXED,
        rows: [header, ...rows],
      });
      const what = `${slice.columns.length} ${matrix.corner === "Framework" ? "dimensions" : "frameworks"}: ${slice.columns.join(", ")}`;
      out.push(describeTable(table, `Comparison: ${matrix.title}`, `Comparison table of ${what}.`));
    }
  }
  for (const notice of matrix.notices)
    out.push(new Paragraph({ children: [run(notice, { italics: true, ...small, color: COLORS.muted })] }));
  return out;
}

/** "Contents" and Word's table-of-contents field (filled with the headings when Word updates fields). */
export function tableOfContents(pageBreakBefore: boolean): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({
      children: [run("Contents", { bold: true, size: 36, color: COLORS.accent })],
      pageBreakBefore,
      keepNext: true,
    }),
    new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "1-4" }),
  ];
}

/** A callout: a one-cell shaded box with its title ("Bottom line up front") above its content. */
function calloutTable(block: Extract<Block, { type: "callout" }>, ctx: DocxContext): Table {
  const inner: DocxContext = { ...ctx, depth: 0, indent: 0, quote: false };
  const children = [
    new Paragraph({
      children: [run(block.title.toUpperCase(), { bold: true, size: 18, color: COLORS.accent })],
      keepNext: true,
      spacing: { after: 60 },
    }),
    ...block.blocks.flatMap((b) => blockElements(b, inner)),
  ];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { ...allBorders(COLORS.accent, 8), left: border(COLORS.accent, 36) },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            children: cellChildren(children),
            shading: shade(COLORS.card),
            margins: { top: 100, bottom: 100, left: 160, right: 160 },
          }),
        ],
      }),
    ],
  });
  return describeTable(table, block.title, `${block.title}: a boxed summary.`);
}

const HEADINGS = ["Heading1", "Heading2", "Heading3", "Heading4"] as const;

/** The DOCX elements of one export block. */
export function blockElements(block: Block, ctx: DocxContext): Element[] {
  switch (block.type) {
    case "heading":
      return [
        new Paragraph({
          ...trackedBreak(block.breakSuggestion),
          heading: HEADINGS[block.level - 1],
          children: runs(block.inlines, {}, ctx),
        }),
      ];
    case "paragraph":
      return [paragraphIn(ctx, block.inlines, block.breakSuggestion)];
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
      return [cardTable(block.card, ctx), new Paragraph({})];
    case "matrix":
      return [...matrixElements(block.matrix, ctx), new Paragraph({})];
    case "toc":
      return tableOfContents(false);
    case "callout":
      return [calloutTable(block, ctx), new Paragraph({})];
  }
}
