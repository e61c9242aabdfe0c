import { apiCreateBriefing, apiListBriefings } from "@/lib/api/briefings";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { apiImportBriefing } from "@/lib/api/import";
import { apiCreateBriefingSchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings — the caller's briefings with their role (docs/api.md). */
export const GET = apiRoute(async ({ db, caller }) => Response.json(await apiListBriefings(db, caller)));

/**
 * POST /api/v1/briefings — creates a briefing from Markdown or a template (JSON), or from an
 * uploaded .docx/.md file (multipart/form-data); write tokens only.
 */
export const POST = apiRoute(async ({ request, db, caller }) => {
  if (request.headers.get("content-type")?.toLowerCase().startsWith("multipart/form-data")) {
    return Response.json(await apiImportBriefing(db, caller, request), { status: 201 });
  }
  const input = await parseJsonBody(request, apiCreateBriefingSchema);
  return Response.json(await apiCreateBriefing(db, caller, input), { status: 201 });
});
