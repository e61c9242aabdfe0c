import { apiRoute, parseQuery } from "@/lib/api/handler";
import { listChangesQuery } from "@/lib/catalog/alerts/schema";
import { listCatalogFeed } from "@/lib/catalog/change-feed";

export const dynamic = "force-dynamic";

/** GET /api/v1/catalog/changes[?framework=slug][&cursor=<id>][&limit=n] — catalog changes, newest first. */
export const GET = apiRoute(async ({ request, db }) => {
  const query = parseQuery(request, listChangesQuery);
  return Response.json(await listCatalogFeed(db, query));
});
