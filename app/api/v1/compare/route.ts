import { apiRoute } from "@/lib/api/handler";
import { compareTable } from "@/lib/matrix/service";

export const dynamic = "force-dynamic";

/** GET /api/v1/compare?frameworks=a,b[&dimensions=k1,k2][&transpose=1] — the comparison as JSON. */
export const GET = apiRoute(async ({ request, db }) =>
  Response.json(await compareTable(db, new URL(request.url).searchParams)),
);
