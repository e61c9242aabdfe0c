import {
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";

// A 1x1 transparent PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** A Word file with a heading, marks, a link, lists, an image and a table (what import must handle). */
export async function wordFile(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [{ reference: "numbers", levels: [{ level: 0, format: "decimal", text: "%1.", alignment: "left" }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "Options for AUKUS Pillar II", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun({ text: "Bold", bold: true }),
              new TextRun(" and "),
              new TextRun({ text: "italic", italics: true }),
              new TextRun(" and "),
              new TextRun({ text: "underlined", underline: {} }),
              new TextRun(" text with "),
              new ExternalHyperlink({ link: "https://www.nato.int/", children: [new TextRun("a link")] }),
              new TextRun("."),
            ],
          }),
          new Paragraph({ text: "Background", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "First point", bullet: { level: 0 } }),
          new Paragraph({ text: "Second point", bullet: { level: 0 } }),
          new Paragraph({ text: "Step one", numbering: { reference: "numbers", level: 0 } }),
          new Paragraph({
            children: [new ImageRun({ type: "png", data: PNG, transformation: { width: 10, height: 10 } })],
          }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph("Framework")] }),
                  new TableCell({ children: [new Paragraph("Members")] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph("NATO")] }),
                  new TableCell({ children: [new Paragraph("32")] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A Word file with one tracked replacement by "Ann Analyst": "The budget is [10 -> 12] million." */
export async function redlinedWordFile(): Promise<Uint8Array> {
  const change = { author: "Ann Analyst", date: "2026-12-05T08:00:00Z" };
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new TextRun("The budget is "),
              new DeletedTextRun({ ...change, id: 1, text: "10" }),
              new InsertedTextRun({ ...change, id: 2, text: "12" }),
              new TextRun(" million."),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
