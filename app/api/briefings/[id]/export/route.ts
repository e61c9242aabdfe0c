import { briefingId } from "@/lib/briefings/schema";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { authorizeExport, parseExportFormat, parseRenderOptions } from "@/lib/export/access";
import { RetryLaterError } from "@/lib/export/render-pool";
import { serveExport } from "@/lib/export/serve";
import { clientAddress, limitShareExport } from "@/lib/export/share-rate-limit";

export const dynamic = "force-dynamic";

/**
 * GET /api/briefings/:id/export?format=pdf|docx|md|html[&pageSize=a4|letter][&toc=auto|on|off]
 * [&share=TOKEN] — the briefing's current content as a download (layout options: parseRenderOptions). Session users need read access; a valid share link for this briefing
 * works without sign-in, at most SHARE_EXPORT_RATE_LIMIT a minute per link and per address (429).
 * Rendered off the main thread (503 with Retry-After when too many wait); `X-Export-Cache` says
 * whether the file came from the cache of rendered exports.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const url = new URL(request.url);
    const format = parseExportFormat(url.searchParams.get("format"));
    const render = parseRenderOptions(url.searchParams);
    const id = briefingId.safeParse((await params).id);
    if (!id.success) throw new AppError("not_found", "No such briefing.");
    const db = getDb();
    const { shareLinkId } = await authorizeExport(db, {
      briefingId: id.data,
      headers: request.headers,
      shareToken: url.searchParams.get("share"),
    });
    if (shareLinkId) {
      const address = clientAddress(request.headers);
      await limitShareExport(db, { linkId: shareLinkId, address, limit: env().SHARE_EXPORT_RATE_LIMIT });
    }
    const served = await serveExport(db, id.data, format, { render });
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
  } catch (error) {
    const response = errorResponse(error);
    if (error instanceof RetryLaterError) response.headers.set("Retry-After", String(error.retryAfterSeconds));
    return response;
  }
}
