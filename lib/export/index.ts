import type { Db } from "@/lib/db";
import { type ExportOptions, loadExportDocument } from "./document";
import { toDocx } from "./docx";
import { contentDisposition } from "./filename";
import { toHtml } from "./html";
import { toMarkdown } from "./markdown";
import { toPdf } from "./pdf";
import type { ExportDocument, ExportFormat } from "./types";

export { EXPORT_FORMATS, type ExportFormat } from "./types";

type Exporter = { contentType: string; extension: string; render: (doc: ExportDocument) => Promise<Buffer> | string };

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
export async function renderExport(doc: ExportDocument, format: ExportFormat): Promise<ExportFile> {
  const exporter = EXPORTERS[format];
  const rendered = await exporter.render(doc);
  return {
    body: typeof rendered === "string" ? Buffer.from(rendered, "utf8") : rendered,
    contentType: exporter.contentType,
    contentDisposition: contentDisposition(doc.title, exporter.extension),
  };
}

/**
 * Loads a briefing's current content and renders it. Callers authorize first (briefing:read or a
 * valid share link). Null when the briefing does not exist or is deleted.
 */
export async function exportBriefing(
  db: Db,
  briefingId: string,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportFile | null> {
  const doc = await loadExportDocument(db, briefingId, options);
  return doc ? renderExport(doc, format) : null;
}
