import { authorizeBriefing } from "@/lib/auth/permissions";
import { prosemirrorJsonToText } from "@/lib/briefings/doc/content";
import { loadCurrentContent } from "@/lib/briefings/doc/current";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ExportFormat } from "@/lib/export";
import { serveExport } from "@/lib/export/serve";
import type { ApiCaller } from "./caller";
import type { CONTENT_FORMATS } from "./schema";

// A rendered HTML document opened from this origin still cannot run anything.
const SANDBOX = "sandbox; default-src 'none'; style-src 'unsafe-inline'";

async function rendered(
  db: Db,
  id: string,
  format: ExportFormat,
  render: { releaseTo?: string; comments?: boolean } = {},
) {
  const served = await serveExport(db, id, format, { render, clearance: true });
  if (!served) throw new AppError("not_found", "No such briefing.");
  return served.file;
}

/**
 * The briefing's current content in one format, inline: json (the editor's ProseMirror JSON),
 * text, or md/html rendered by the export pipeline. Needs read access.
 */
export async function apiBriefingContent(
  db: Db,
  caller: ApiCaller,
  id: string,
  format: (typeof CONTENT_FORMATS)[number],
): Promise<Response> {
  await authorizeBriefing(db, caller.actor, id, "read");
  const headers = { "Cache-Control": "private, no-store" };
  if (format === "md" || format === "html") {
    const file = await rendered(db, id, format);
    return new Response(new Uint8Array(file.body), {
      headers: { ...headers, "Content-Type": file.contentType, "Content-Security-Policy": SANDBOX },
    });
  }
  const json = await loadCurrentContent(db, id);
  if (!json) throw new AppError("not_found", "No such briefing.");
  if (format === "json") return Response.json({ id, content: json }, { headers });
  return new Response(prosemirrorJsonToText(json), {
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * The briefing as a download (pdf, docx, md, html), through the export cache and worker pool.
 * `releaseTo` makes a release copy (editors and owners); with `comments`, its comment threads too
 * (Word comments, or marks and an appendix): the caller must be allowed to read them (403 otherwise).
 */
export async function apiBriefingExport(
  db: Db,
  caller: ApiCaller,
  id: string,
  format: ExportFormat,
  options: { releaseTo?: string; comments?: boolean } = {},
) {
  await authorizeBriefing(db, caller.actor, id, options.comments ? "read-comments" : "read");
  // A release copy is handed to a partner: editors and owners only (lib/export/access.ts authorizeRelease).
  if (options.releaseTo) await authorizeBriefing(db, caller.actor, id, "share");
  const file = await rendered(db, id, format, { releaseTo: options.releaseTo, comments: Boolean(options.comments) });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": file.contentDisposition,
      "Content-Length": String(file.body.length),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": SANDBOX,
    },
  });
}
