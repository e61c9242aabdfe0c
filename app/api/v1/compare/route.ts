import { apiCompare } from "@/lib/api/catalog";
import { apiRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

/** GET /api/v1/compare?frameworks=a,b[&dimensions=k1,k2][&transpose=1] — the comparison as JSON. */
export const GET = apiRoute(async ({ request, db }) =>
  Response.json(await apiCompare(db, new URL(request.url).searchParams)),
);
