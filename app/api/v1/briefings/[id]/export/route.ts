import { parseBriefingId } from "@/lib/api/briefings";
import { apiBriefingExport } from "@/lib/api/content";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { exportQuerySchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/briefings/:id/export?format=pdf|docx|md|html[&releaseTo=CODE][&comments=0|1] — the
 * briefing as a download; releaseTo makes a release copy (briefing:share), comments=1 includes the
 * comment threads (briefing:read-comments).
 */
export const GET = apiRoute(async ({ request, db, caller, params }) => {
  const { format, releaseTo, comments } = parseQuery(request, exportQuerySchema);
  return apiBriefingExport(db, caller, parseBriefingId(params.id), format, { releaseTo, comments: comments === "1" });
});
