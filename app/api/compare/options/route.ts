import { z } from "zod";
import { getCatalogVersion } from "@/lib/catalog/version";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { listFrameworkOptions } from "@/lib/matrix/queries";

export const dynamic = "force-dynamic";

const querySchema = z
  .object({ v: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional() })
  .strict();

/**
 * GET /api/compare/options?v=<catalog version>: every framework as a choice for the comparison
 * picker (slug, name, acronym, status), by name. The picker loads it when the page is idle or
 * when it is first used, so pages do not carry the whole catalog. Cacheable for good when `v` is
 * the current version.
 */
export async function GET(request: Request) {
  try {
    const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("bad_request", "Use ?v=<catalog version> and nothing else.");
    const db = getDb();
    const version = await getCatalogVersion(db); // before the data it keys (see getCatalogVersion)
    const options = await listFrameworkOptions(db);
    return Response.json(options, {
      headers: {
        "X-Catalog-Version": String(version),
        "Cache-Control": version === parsed.data.v ? "public, max-age=31536000, immutable" : "no-cache",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
