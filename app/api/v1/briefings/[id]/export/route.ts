import { parseBriefingId } from "@/lib/api/briefings";
import { apiBriefingExport } from "@/lib/api/content";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { exportQuerySchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/briefings/:id/export?format=pdf|docx|md|html[&releaseTo=CODE] — the briefing as a
 * download; releaseTo makes a release copy (briefing:share).
 */
export const GET = apiRoute(async ({ request, db, caller, params }) => {
  const { format, releaseTo } = parseQuery(request, exportQuerySchema);
  return apiBriefingExport(db, caller, parseBriefingId(params.id), format, releaseTo);
});
