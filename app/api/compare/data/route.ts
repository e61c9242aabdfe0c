import { z } from "zod";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { cachedMatrixAt, getMatrix } from "@/lib/matrix/cached";
import { parseViewState } from "@/lib/matrix/parse-view-state";
import { selectionOf } from "@/lib/matrix/view-state";

export const dynamic = "force-dynamic";

const SELECTION_PARAMS = new Set(["fw", "all", "q", "kind", "region", "status", "country"]);
const versionSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * GET /api/compare/data?v=<catalog version>&fw=a,b,c | &all=1[&region=..&kind=..]: the packed matrix
 * data of a selection (lib/matrix/payload), which /compare links with the version it rendered.
 * Data of a given version never changes, so when `v` is the version served the response may be
 * kept for good; without `v`, or once the catalog moved on, it is the current data, not cached.
 */
export async function GET(request: Request) {
  try {
    const params = new URL(request.url).searchParams;
    const rawVersion = params.get("v");
    params.delete("v");
    const extra = [...params.keys()].filter((k) => !SELECTION_PARAMS.has(k));
    if (extra.length) throw new AppError("bad_request", `Unknown parameter(s): ${[...new Set(extra)].join(", ")}.`);
    const version = rawVersion === null ? null : versionSchema.safeParse(rawVersion);
    if (version && !version.success) throw new AppError("bad_request", "“v” must be a catalog version number.");
    const parsed = parseViewState(params);
    if (parsed.notices.length) {
      throw new AppError(
        "bad_request",
        "Invalid selection.",
        parsed.notices.map((n) => ({ message: n.message })),
      );
    }
    const selection = selectionOf(parsed.state);
    const asked = version?.data;
    const entry =
      (asked !== undefined ? cachedMatrixAt(asked, selection) : undefined) ?? (await getMatrix(getDb(), selection));
    return new Response(entry.payload, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "X-Catalog-Version": String(entry.version),
        "Cache-Control": entry.version === asked ? "public, max-age=31536000, immutable" : "no-cache",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
