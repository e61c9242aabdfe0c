import { parseBriefingId } from "@/lib/api/briefings";
import { apiRoute, parseJsonBody } from "@/lib/api/handler";
import { apiRestoreVersion, parseVersionId } from "@/lib/api/versions";
import { restoreBody } from "@/lib/versions/schema";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/briefings/:id/versions/:vid/restore `{}` or `{ block: { from, to } }` — restores the
 * version (or one block of the diff version -> current) as a new change on top (edit rights).
 */
export const POST = apiRoute(async ({ request, db, caller, params }) => {
  const id = parseBriefingId(params.id);
  const vid = parseVersionId(params.vid);
  const { block } = await parseJsonBody(request, restoreBody);
  return Response.json(await apiRestoreVersion(db, caller, id, vid, block));
});
