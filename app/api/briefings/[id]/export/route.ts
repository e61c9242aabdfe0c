import { briefingId } from "@/lib/briefings/schema";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { exportBriefing } from "@/lib/export";
import { authorizeExport, parseExportFormat } from "@/lib/export/access";

export const dynamic = "force-dynamic";

/**
 * GET /api/briefings/:id/export?format=pdf|docx|md|html[&share=TOKEN] — the briefing's current
 * content as a download. Session users need read access; a valid share link for this briefing
 * works without sign-in.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const url = new URL(request.url);
    const format = parseExportFormat(url.searchParams.get("format"));
    const id = briefingId.safeParse((await params).id);
    if (!id.success) throw new AppError("not_found", "No such briefing.");
    const db = getDb();
    await authorizeExport(db, {
      briefingId: id.data,
      headers: request.headers,
      shareToken: url.searchParams.get("share"),
    });
    const file = await exportBriefing(db, id.data, format);
    if (!file) throw new AppError("not_found", "No such briefing.");
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": file.contentDisposition,
        "Content-Length": String(file.body.length),
        "Cache-Control": "private, no-store",
        // A downloaded HTML export opened from this origin still cannot run anything.
        "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
