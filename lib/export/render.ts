import { withClearancePage } from "./clearance-page";
import { withCommentMarks } from "./comments-appendix";
import { toDocx } from "./docx";
import { contentDisposition } from "./filename";
import { toHtml } from "./html";
import { toMarkdown } from "./markdown";
import { toPdf } from "./pdf";
import { prepareSuggestions } from "./suggestions";
import { neutralizeDocument } from "./text";
import type { ExportDocument, ExportFormat, RenderOptions } from "./types";

// No database and no auth in here: the export worker threads import this file alone.

type Exporter = {
  contentType: string;
  extension: string;
  render: (doc: ExportDocument, options: RenderOptions) => Promise<Buffer> | string;
};

/** The four formats: how each is rendered and served. */
export const EXPORTERS: Record<ExportFormat, Exporter> = {
  pdf: { contentType: "application/pdf", extension: "pdf", render: toPdf },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
    render: toDocx,
  },
  md: { contentType: "text/markdown; charset=utf-8", extension: "md", render: toMarkdown },
  html: { contentType: "text/html; charset=utf-8", extension: "html", render: toHtml },
};

export type ExportFile = { body: Buffer; contentType: string; contentDisposition: string };

/** Renders an export document in a format, as the bytes and headers of a download. */
export async function renderExport(
  doc: ExportDocument,
  format: ExportFormat,
  options: RenderOptions = {},
): Promise<ExportFile> {
  const exporter = EXPORTERS[format];
  // Comments only when asked for (and loaded): DOCX writes Word comments, the others marks and an appendix.
  // The Clearance page follows the text in every format, before any Comments appendix.
  const cleared = withClearancePage(doc);
  const commented = options.comments && cleared.comments ? cleared : { ...cleared, comments: undefined };
  const prepared = format === "docx" ? commented : withCommentMarks(commented);
  const rendered = await exporter.render(prepareSuggestions(neutralizeDocument(prepared), format, options), options);
  return {
    body: typeof rendered === "string" ? Buffer.from(rendered, "utf8") : rendered,
    contentType: exporter.contentType,
    contentDisposition: contentDisposition(doc.title, exporter.extension),
  };
}
