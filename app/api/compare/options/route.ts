import { route } from "@/lib/api/route";
import { getFrameworkOptions } from "@/lib/matrix/service";

export const dynamic = "force-dynamic";

/**
 * GET /api/compare/options?v=<catalog version>: every framework as a choice for the comparison
 * picker (slug, name, acronym, status), by name. The picker loads it when the page is idle or
 * when it is first used, so pages do not carry the whole catalog. Cacheable for good when `v` is
 * the current version.
 */
export const GET = route({ auth: "public" }, async ({ request, db }) => {
  const { options, version, immutable } = await getFrameworkOptions(db, new URL(request.url).searchParams);
  return Response.json(options, {
    headers: {
      "X-Catalog-Version": String(version),
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
});
