import { route } from "@/lib/api/route";
import { getMatrixData } from "@/lib/matrix/service";

export const dynamic = "force-dynamic";

/**
 * GET /api/compare/data?v=<catalog version>&fw=a,b,c | &all=1[&region=..&kind=..]: the packed matrix
 * data of a selection (lib/matrix/payload). Data of a given version never changes, so when `v` is
 * the version served the response may be kept for good; without `v`, or once the catalog moved
 * on, it is the current data, not cached.
 */
export const GET = route({ auth: "public" }, async ({ request, db }) => {
  const { payload, version, immutable } = await getMatrixData(db, new URL(request.url).searchParams);
  return new Response(payload, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "X-Catalog-Version": String(version),
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
});
