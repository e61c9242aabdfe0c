import { parseBriefingId } from "@/lib/api/briefings";
import { apiGrant, apiRevokeGrant } from "@/lib/api/grants";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { apiGrantSchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

/** POST /api/v1/briefings/:id/grants `{ email | teamId, role }` — grants or changes a role. */
export const POST = apiRoute(async ({ request, db, caller, params }) => {
  const input = await parseJsonBody(request, apiGrantSchema);
  return Response.json(await apiGrant(db, caller, parseBriefingId(params.id), input));
});

/** DELETE /api/v1/briefings/:id/grants `{ email | teamId, role }` — removes that grant. */
export const DELETE = apiRoute(async ({ request, db, caller, params }) => {
  const input = await parseJsonBody(request, apiGrantSchema);
  await apiRevokeGrant(db, caller, parseBriefingId(params.id), input);
  return new Response(null, { status: 204 });
});
