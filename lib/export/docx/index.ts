import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  type ILevelsOptions,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import type { ExportDocument, SourceEntry } from "../types";
import { blockElements, COLORS, type DocxContext, run, xmlSafe } from "./blocks";

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
    new Paragraph({ heading: "Title", children: [run(doc.title)] }),
    new Paragraph({ spacing: { before: 240 }, children: [run(doc.authors.join(", "), { size: 24 })] }),
    new Paragraph({ children: [run(doc.date, { size: 24, color: COLORS.muted })] }),
    new Paragraph({ spacing: { before: 2400 } }),
    ...marking,
  ];
}

function sourceParagraph(s: SourceEntry): Paragraph {
  const title = run(s.title, { color: COLORS.accent, underline: {} });
  const children: ParagraphChild[] = [
    run(`[${s.n}] `, { bold: true }),
    s.url ? new ExternalHyperlink({ link: s.url, children: [title] }) : run(s.title),
  ];
  if (s.publisher) children.push(run(`. ${s.publisher}`));
  children.push(run(`. ${s.url ?? s.rawUrl}`, { color: COLORS.muted, size: 18 }));
  if (s.accessed) children.push(run(`. Accessed ${s.accessed}.`, { size: 18 }));
  return new Paragraph({ children, spacing: { after: 60 }, indent: { left: 567, hanging: 567 } });
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

/** The briefing as a Word document: title page, real headings and lists, tables, card boxes, Sources. */
export async function toDocx(doc: ExportDocument): Promise<Buffer> {
  const ctx: DocxContext = { depth: 0, indent: 0, quote: false, lists: { next: 0, starts: new Set([1]) } };
  const body = doc.blocks.flatMap((b) => blockElements(b, ctx));
  const sources = doc.sources.length
    ? [
        new Paragraph({ heading: "Heading1", children: [run("Sources")], pageBreakBefore: true }),
        ...doc.sources.map(sourceParagraph),
      ]
    : [];
  const document = new Document({
    creator: xmlSafe(doc.authors[0] ?? "Briefing editor"),
    title: xmlSafe(doc.title),
    description: xmlSafe(doc.classification),
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 22 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: "Calibri", size: 56, bold: true, color: COLORS.accent } },
        heading1: {
          run: { size: 36, bold: true, color: COLORS.accent },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { size: 30, bold: true, color: COLORS.accent },
          paragraph: { spacing: { before: 300, after: 100 }, keepNext: true },
        },
        heading3: { run: { size: 26, bold: true }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
        heading4: {
          run: { size: 23, bold: true, italics: true },
          paragraph: { spacing: { before: 200, after: 60 }, keepNext: true },
        },
        hyperlink: { run: { color: COLORS.accent, underline: {} } },
      },
    },
    numbering: {
      config: [...ctx.lists.starts].map((start) => ({ reference: `ordered-${start}`, levels: orderedLevels(start) })),
    },
    sections: [
      {
        properties: { titlePage: true, page: { margin: { top: 1300, bottom: 1300, left: 1300, right: 1300 } } },
        headers: { default: header(doc), first: new Header({ children: [] }) },
        footers: { default: footer(doc, true), first: footer(doc, false) },
        children: [...titlePage(doc), new Paragraph({ pageBreakBefore: true }), ...body, ...sources],
      },
    ],
  });
  return Packer.toBuffer(document);
}
