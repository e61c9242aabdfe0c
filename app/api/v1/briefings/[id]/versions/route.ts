import { parseBriefingId } from "@/lib/api/briefings";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { apiListVersions, apiNameVersion } from "@/lib/api/versions";
import { nameVersionBody } from "@/lib/versions/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings/:id/versions — the briefing's versions, newest first (read access). */
export const GET = apiRoute(async ({ db, caller, params }) =>
  Response.json(await apiListVersions(db, caller, parseBriefingId(params.id))),
);

/** POST /api/v1/briefings/:id/versions `{ name }` — names the current document (edit rights). */
export const POST = apiRoute(async ({ request, db, caller, params }) => {
  const id = parseBriefingId(params.id);
  const { name } = await parseJsonBody(request, nameVersionBody);
  return Response.json(await apiNameVersion(db, caller, id, name), { status: 201 });
});
