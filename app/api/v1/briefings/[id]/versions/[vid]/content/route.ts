import { parseBriefingId } from "@/lib/api/briefings";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { apiVersionContent, parseVersionId } from "@/lib/api/versions";
import { versionContentQuery } from "@/lib/versions/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings/:id/versions/:vid/content?format=md|json — a version's content, inline. */
export const GET = apiRoute(async ({ request, db, caller, params }) => {
  const id = parseBriefingId(params.id);
  const { format } = parseQuery(request, versionContentQuery);
  return apiVersionContent(db, caller, id, parseVersionId(params.vid), format);
});
