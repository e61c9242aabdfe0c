import { apiListFrameworks } from "@/lib/api/catalog";
import { apiRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

/** GET /api/v1/frameworks?q=&kind=&region=&status=&country= — the catalog (docs/api.md). */
export const GET = apiRoute(async ({ request, db }) =>
  Response.json(await apiListFrameworks(db, Object.fromEntries(new URL(request.url).searchParams))),
);
