import { route } from "@/lib/api/route";
import { appUrl } from "@/lib/auth/auth";
import { listChangesQuery } from "@/lib/catalog/alerts/schema";
import { catalogAtom } from "@/lib/catalog/atom";
import { listCatalogFeed } from "@/lib/catalog/change-feed";

export const dynamic = "force-dynamic";

/**
 * GET /frameworks/changes/feed.atom[?framework=slug] — the newest catalog changes as Atom. Public,
 * like the catalog and its history, so feed readers need no credentials.
 */
export const GET = route({ auth: "public", query: { schema: listChangesQuery } }, async ({ request, db, query }) => {
  const page = await listCatalogFeed(db, { framework: query.framework, limit: query.limit ?? 50 });
  const url = new URL(request.url);
  return new Response(catalogAtom(page.changes, appUrl(), `${url.pathname}${url.search}`), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "no-store" },
  });
});
