import {
  AlignmentType,
  Bookmark,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  type ILevelsOptions,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import { DOCUMENT_LANG, outlineOf, wantsToc } from "../text";
import type { ExportDocument, Note, RenderOptions, SourceEntry } from "../types";
import {
  blockElements,
  COLORS,
  citeBookmark,
  type DocxContext,
  run,
  runs,
  sourceBookmark,
  tableOfContents,
  xmlSafe,
} from "./blocks";
import { titleWithComments, withCommentPlacement, wordComments } from "./comments";

const FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

function orderedLevels(start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: FORMATS[level % 3]!,
    text: `%${level + 1}.`,
    start,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 567 * (level + 1), hanging: 360 } } },
  }));
}

function markingParagraph(marking: string, size = 18): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [run(marking, { bold: true, size, color: "B00020" })],
  });
}

function titlePage(doc: ExportDocument): Paragraph[] {
  const marking = doc.classification ? [markingParagraph(doc.classification, 24)] : [];
  return [
    ...marking,
    new Paragraph({ spacing: { before: 2400 } }),
    new Paragraph({ heading: "Title", children: titleWithComments(doc, run(doc.title)) }),
    new Paragraph({ spacing: { before: 240 }, children: [run(doc.authors.join(", "), { size: 24 })] }),
    new Paragraph({ children: [run(doc.date, { size: 24, color: COLORS.muted })] }),
    new Paragraph({ spacing: { before: 2400 } }),
    ...marking,
  ];
}

/** A Sources entry, bookmarked for the citations; its number links back to the first citation. */
function sourceParagraph(s: SourceEntry, cited: Set<number>): Paragraph {
  const title = run(s.title, { style: "Hyperlink" });
  const number = run(`[${s.n}]`, { bold: true });
  const children: ParagraphChild[] = [
    new Bookmark({
      id: sourceBookmark(s.n),
      children: [cited.has(s.n) ? new InternalHyperlink({ anchor: citeBookmark(s.n), children: [number] }) : number],
    }),
    run(" "),
    s.url ? new ExternalHyperlink({ link: s.url, children: [title] }) : run(s.title),
  ];
  if (s.publisher) children.push(run(`. ${s.publisher}`));
  children.push(run(`. ${s.url ?? s.rawUrl}`, { color: COLORS.muted, size: 18 }));
  if (s.accessed) children.push(run(`. Accessed ${s.accessed}.`, { size: 18 }));
  return new Paragraph({ children, spacing: { after: 60 }, indent: { left: 567, hanging: 567 }, keepLines: true });
}

/** The briefing's footnotes as Word footnotes (ids = their numbers; Word numbers the marks itself). */
function footnotes(notes: Note[]): Record<string, { children: Paragraph[] }> {
  return Object.fromEntries(
    notes.map((note) => [String(note.n), { children: [new Paragraph({ children: runs(note.inlines) })] }]),
  );
}

function header(doc: ExportDocument): Header {
  const text = doc.classification || doc.title;
  return new Header({
    children: [
      doc.classification
        ? markingParagraph(text)
        : new Paragraph({ children: [run(text, { size: 16, color: COLORS.muted })], alignment: AlignmentType.RIGHT }),
    ],
  });
}

function footer(doc: ExportDocument, numbered: boolean): Footer {
  const children: Paragraph[] = [];
  if (numbered) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES], size: 18 })],
      }),
    );
  }
  if (doc.classification) children.push(markingParagraph(doc.classification));
  return new Footer({ children });
}

/**
 * The briefing as a Word document: title page, optional table of contents, headings with outline
 * levels (Word's navigation pane and LibreOffice's navigator), lists, tables with alt text, card
 * boxes, callouts, citations linked to bookmarked Sources entries and back, footnotes as Word footnotes;
 * with comments, Word comments (./comments.ts).
 */
export async function toDocx(doc: ExportDocument, options: RenderOptions = {}): Promise<Buffer> {
  const ctx: DocxContext = {
    depth: 0,
    indent: 0,
    quote: false,
    lists: { next: 0, starts: new Set([1]) },
    cited: new Set(),
    exportedAt: doc.exportedAt,
  };
  const body = withCommentPlacement(doc, () => doc.blocks.flatMap((b) => blockElements(b, ctx)));
  const sources = doc.sources.length
    ? [
        new Paragraph({ heading: "Heading1", children: [run("Sources")], pageBreakBefore: true }),
        ...doc.sources.map((s) => sourceParagraph(s, ctx.cited)),
      ]
    : [];
  const toc = wantsToc(outlineOf(doc.blocks), options, doc.blocks) ? tableOfContents(true) : [];
  const heading = (level: number, run: object, spacing: { before: number; after: number }) => ({
    run,
    // The outline level is what makes a paragraph a heading to navigators and TOC fields.
    paragraph: { spacing, keepNext: true, keepLines: true, outlineLevel: level },
  });
  const author = xmlSafe(doc.authors[0] ?? "Briefing editor");
  const document = new Document({
    creator: author,
    lastModifiedBy: author,
    title: xmlSafe(doc.title),
    description: xmlSafe(doc.classification),
    comments: wordComments(doc, xmlSafe),
    styles: {
      default: {
        document: {
          run: { font: "Calibri", size: 22, language: { value: DOCUMENT_LANG } },
          paragraph: { spacing: { after: 120 } },
        },
        title: { run: { font: "Calibri", size: 56, bold: true, color: COLORS.accent } },
        heading1: heading(0, { size: 36, bold: true, color: COLORS.accent }, { before: 360, after: 120 }),
        heading2: heading(1, { size: 30, bold: true, color: COLORS.accent }, { before: 300, after: 100 }),
        heading3: heading(2, { size: 26, bold: true }, { before: 240, after: 80 }),
        heading4: heading(3, { size: 23, bold: true, italics: true }, { before: 200, after: 60 }),
        hyperlink: { run: { color: COLORS.accent, underline: {} } },
        caption: { run: { size: 20, bold: true, color: COLORS.accent } },
      },
    },
    footnotes: footnotes(doc.notes ?? []),
    numbering: {
      config: [...ctx.lists.starts].map((start) => ({ reference: `ordered-${start}`, levels: orderedLevels(start) })),
    },
    sections: [
      {
        properties: { titlePage: true, page: { margin: { top: 1300, bottom: 1300, left: 1300, right: 1300 } } },
        headers: { default: header(doc), first: new Header({ children: [] }) },
        footers: { default: footer(doc, true), first: footer(doc, false) },
        children: [...titlePage(doc), ...toc, new Paragraph({ pageBreakBefore: true }), ...body, ...sources],
      },
    ],
  });
  return Packer.toBuffer(document);
}
