import { parseBriefingId } from "@/lib/api/briefings";
import { apiBriefingContent } from "@/lib/api/content";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { contentQuerySchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings/:id/content?format=md|html|text|json — the current content, inline. */
export const GET = apiRoute(async ({ request, db, caller, params }) => {
  const { format } = parseQuery(request, contentQuerySchema);
  return apiBriefingContent(db, caller, parseBriefingId(params.id), format);
});
