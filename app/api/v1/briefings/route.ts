import { apiCreateBriefing, apiListBriefings } from "@/lib/api/briefings";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { apiCreateBriefingSchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings — the caller's briefings with their role (docs/api.md). */
export const GET = apiRoute(async ({ db, caller }) => Response.json(await apiListBriefings(db, caller)));

/** POST /api/v1/briefings — creates a briefing, from Markdown or a template (write tokens only). */
export const POST = apiRoute(async ({ request, db, caller }) => {
  const input = await parseJsonBody(request, apiCreateBriefingSchema);
  return Response.json(await apiCreateBriefing(db, caller, input), { status: 201 });
});
