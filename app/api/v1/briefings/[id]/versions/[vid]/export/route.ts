import { parseBriefingId } from "@/lib/api/briefings";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { exportQuerySchema } from "@/lib/api/schema";
import { apiVersionExport, parseVersionId } from "@/lib/api/versions";

export const dynamic = "force-dynamic";

/** GET /api/v1/briefings/:id/versions/:vid/export?format=pdf|docx|md|html — a version as a download. */
export const GET = apiRoute(async ({ request, db, caller, params }) => {
  const id = parseBriefingId(params.id);
  const { format } = parseQuery(request, exportQuerySchema);
  return apiVersionExport(db, caller, id, parseVersionId(params.vid), format);
});
