import { parseBriefingId } from "@/lib/api/briefings";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { apiGetMarking, apiPutMarking } from "@/lib/api/marking";
import { apiMarkingSchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings/:id/marking — profile, authority block, computed banner and marking issues. */
export const GET = apiRoute(async ({ db, caller, params }) => {
  return Response.json(await apiGetMarking(db, caller, parseBriefingId(params.id)));
});

/** PUT /api/v1/briefings/:id/marking `{ profile?, authority? }` — sets them (editors, write scope). */
export const PUT = apiRoute(async ({ request, db, caller, params }) => {
  const input = await parseJsonBody(request, apiMarkingSchema);
  return Response.json(await apiPutMarking(db, caller, parseBriefingId(params.id), input));
});
