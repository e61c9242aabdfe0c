import type { Db } from "@/lib/db";
import { type ExportOptions, loadExportDocument } from "./document";
import { type ExportFile, renderExport } from "./render";
import type { ExportFormat, RenderOptions } from "./types";

export { EXPORTERS, type ExportFile, renderExport } from "./render";
export { EXPORT_FORMATS, type ExportFormat } from "./types";

/**
 * Loads a briefing's current content and renders it. Callers authorize first (briefing:read or a
 * valid share link). Null when the briefing does not exist or is deleted.
 */
export async function exportBriefing(
  db: Db,
  briefingId: string,
  format: ExportFormat,
  options: ExportOptions & { render?: RenderOptions } = {},
): Promise<ExportFile | null> {
  const doc = await loadExportDocument(db, briefingId, { ...options, comments: Boolean(options.render?.comments) });
  return doc ? renderExport(doc, format, options.render) : null;
}
