import { z } from "zod";
import { route } from "@/lib/api/route";
import { briefingId } from "@/lib/briefings/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorizeExport, authorizeRelease, parseExportFormat, parseRenderOptions } from "@/lib/export/access";
import { serveExport } from "@/lib/export/serve";
import { clientAddress, limitShareExport } from "@/lib/export/share-rate-limit";

export const dynamic = "force-dynamic";

/**
 * GET /api/briefings/:id/export?format=pdf|docx|md|html[&pageSize=a4|letter][&toc=auto|on|off]
 * [&suggestions=accepted|shown][&releaseTo=CODE][&comments=0|1][&share=TOKEN] — the briefing's
 * current content as a download (options: parseRenderOptions; a release copy with releaseTo: editors
 * and owners only; 409 while portions are unmarked under a profile that requires marks; comments=1
 * needs the right to read comments). Session users need read access; a valid share link for this briefing
 * works without sign-in, at most SHARE_EXPORT_RATE_LIMIT a minute per link and per address (429);
 * a link to a version exports that version.
 * Rendered off the main thread (503 with Retry-After when too many wait); `X-Export-Cache` says
 * whether the file came from the cache of rendered exports.
 */
export const GET = route(
  {
    // The actor is the session's user or the share link named by `share`: authorizeExport
    // resolves it (lib/auth/actor.ts), so the wrapper looks nobody up.
    auth: "public",
    params: { schema: z.object({ id: briefingId }), invalid: () => new AppError("not_found", "No such briefing.") },
    query: { schema: z.object({ format: z.string().optional(), share: z.string().optional() }) },
  },
  async ({ request, db, params, query }) => {
    const format = parseExportFormat(query.format ?? null);
    const render = parseRenderOptions(new URL(request.url).searchParams);
    const asker = { briefingId: params.id, headers: request.headers, shareToken: query.share ?? null };
    const { shareLinkId, versionId } = await authorizeExport(db, { ...asker, comments: render.comments });
    if (render.releaseTo) await authorizeRelease(db, asker);
    if (shareLinkId) {
      const address = clientAddress(request.headers);
      await limitShareExport(db, { linkId: shareLinkId, address, limit: env().SHARE_EXPORT_RATE_LIMIT });
    }
    // A share link's download prints the text without the Clearance page (who cleared, comments);
    // a link bound to a version exports that version ("As of …"), never the live document.
    const served = await serveExport(db, params.id, format, {
      render,
      clearance: !shareLinkId,
      version: versionId ?? undefined,
    });
    if (!served) throw new AppError("not_found", "No such briefing.");
    const { file } = served;
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": file.contentDisposition,
        "Content-Length": String(file.body.length),
        "Cache-Control": "private, no-store",
        "X-Export-Cache": served.cache,
        // A downloaded HTML export opened from this origin still cannot run anything.
        "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  },
);
