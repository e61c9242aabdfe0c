import { parseBriefingId } from "@/lib/api/briefings";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { apiDiff } from "@/lib/api/versions";
import { diffQuery } from "@/lib/versions/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings/:id/diff?from=:vid&to=:vid|current — what changed between two versions. */
export const GET = apiRoute(async ({ request, db, caller, params }) => {
  const id = parseBriefingId(params.id);
  const { from, to } = parseQuery(request, diffQuery);
  return Response.json(await apiDiff(db, caller, id, from, to));
});
