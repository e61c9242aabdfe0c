import { parseBriefingId } from "@/lib/api/briefings";
import { apiListClearances, apiRequestClearance } from "@/lib/api/clearances";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { requestClearanceBody } from "@/lib/clearance/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings/:id/clearances — the briefing's clearance state and chains, newest first (read access). */
export const GET = apiRoute(async ({ db, caller, params }) =>
  Response.json(await apiListClearances(db, caller, parseBriefingId(params.id))),
);

/** POST /api/v1/briefings/:id/clearances `{ versionId, clearers, mode, due }` — owner only. */
export const POST = apiRoute(async ({ request, db, caller, params }) => {
  const id = parseBriefingId(params.id);
  const input = await parseJsonBody(request, requestClearanceBody);
  return Response.json(await apiRequestClearance(db, caller, id, input), { status: 201 });
});
