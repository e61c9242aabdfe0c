import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { processWide } from "@/lib/process-wide";
import { type ExportOptions, loadExportDocument } from "./document";
import { ExportCache, exportCacheKey } from "./export-cache";
import type { ExportFile } from "./render";
import { ExportRenderPool } from "./render-pool";
import type { ExportFormat, RenderOptions } from "./types";

/** The process's export worker pool (one for the Next bundle and server/ alike). */
export function exportPool(): ExportRenderPool {
  return processWide("export-render-pool", () => new ExportRenderPool({ size: env().EXPORT_WORKERS }));
}

/** The process's cache of rendered exports. */
export function exportCache(): ExportCache {
  return processWide("export-cache", () => new ExportCache(env().EXPORT_CACHE_MB * 1024 * 1024));
}

export type ServedExport = { file: ExportFile; cache: "hit" | "miss" };

/**
 * A briefing's current content as a download: the document is built here (a few queries), the
 * file is rendered on the worker pool unless the same document was rendered before. Callers
 * authorize first (authorizeRelease too for `render.releaseTo`). Null when the briefing does not exist or is deleted; a full pool throws a 503.
 */
export async function serveExport(
  db: Db,
  briefingId: string,
  format: ExportFormat,
  options: ExportOptions & { render?: RenderOptions } = {},
): Promise<ServedExport | null> {
  const render = options.render ?? {};
  // A download obeys the marking rules: refused while portions are unmarked under a profile that
  // requires marks, filtered for a release copy.
  const marking = { enforce: true, releaseTo: render.releaseTo, ...options.marking };
  const doc = await loadExportDocument(db, briefingId, { ...options, marking, comments: Boolean(render.comments) });
  if (!doc) return null;
  return exportCache().get(exportCacheKey(doc, format, render), () => exportPool().render(doc, format, render));
}
