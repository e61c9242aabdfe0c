import { parseBriefingId } from "@/lib/api/briefings";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { apiProposeChanges } from "@/lib/api/versions";
import { proposeBody } from "@/lib/versions/schema";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/briefings/:id/diff/propose `{ from, to }` — the changes between two versions,
 * applied onto the current document as the caller's suggestions (edit rights).
 */
export const POST = apiRoute(async ({ request, db, caller, params }) => {
  const id = parseBriefingId(params.id);
  const { from, to } = await parseJsonBody(request, proposeBody);
  return Response.json(await apiProposeChanges(db, caller, id, from, to));
});
