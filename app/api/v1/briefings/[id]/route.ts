import { apiGetBriefing, parseBriefingId } from "@/lib/api/briefings";
import { apiRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings/:id — one briefing the caller may read (docs/api.md). */
export const GET = apiRoute(async ({ db, caller, params }) =>
  Response.json(await apiGetBriefing(db, caller, parseBriefingId(params.id))),
);
