import { z } from "zod";
import { slugSchema } from "@/lib/catalog/schema";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { csvFileName, matrixCsv } from "./csv";
import { buildMatrix } from "./model";
import { prepareMatrix } from "./prepare";
import { loadMatrixData } from "./queries";
import type { PreparedMatrix, ViewState } from "./types";
import { defaultViewState, MAX_FRAMEWORKS } from "./view-state";

/** A comma-separated list of unique items. */
const list = (item: z.ZodString) =>
  z
    .string()
    .transform((v) => [...new Set(v.split(",").map((s) => s.trim()))].filter(Boolean))
    .pipe(z.array(item));

/** Query parameters of GET /api/compare.csv. */
export const compareCsvQuerySchema = z
  .object({
    frameworks: list(slugSchema).pipe(
      z
        .array(z.string())
        .min(1, "name at least one framework slug")
        .max(MAX_FRAMEWORKS, `name at most ${MAX_FRAMEWORKS} frameworks`),
    ),
    dimensions: list(z.string().regex(/^[a-z][a-z0-9_]*$/, "must be lower_snake_case dimension keys")).optional(),
    transpose: z.enum(["0", "1"]).optional(),
  })
  .strict();

/**
 * The comparison a compare.csv-style query asks for: validates the query, loads the frameworks
 * and returns the prepared matrix with the view state the query describes. Unknown slugs or keys
 * are errors here (automation should fail loudly), where the page only notes them.
 */
export async function loadComparison(
  db: Db,
  params: URLSearchParams,
): Promise<{ prepared: PreparedMatrix; state: ViewState }> {
  const raw = Object.fromEntries(params);
  const parsed = compareCsvQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      param: i.code === "unrecognized_keys" ? i.keys.join(", ") : String(i.path[0] ?? "(query)"),
      message: i.message,
    }));
    throw new AppError(
      "bad_request",
      "Invalid query parameters. Use ?frameworks=a,b,c[&dimensions=k1,k2][&transpose=1].",
      details,
    );
  }
  const query = parsed.data;
  const data = await loadMatrixData(db, { frameworks: query.frameworks });
  const found = new Set(data.frameworks.map((f) => f.slug));
  const missing = query.frameworks.filter((s) => !found.has(s));
  const keys = new Set(data.dimensions.map((d) => d.key));
  const unknownKeys = (query.dimensions ?? []).filter((k) => !keys.has(k));
  if (missing.length || unknownKeys.length) {
    throw new AppError("bad_request", "Unknown frameworks or dimensions.", [
      ...missing.map((s) => ({ param: "frameworks", message: `unknown framework "${s}"` })),
      ...unknownKeys.map((k) => ({ param: "dimensions", message: `unknown dimension "${k}"` })),
    ]);
  }
  const chosen = query.dimensions?.length ? new Set(query.dimensions) : null;
  const state = {
    ...defaultViewState(),
    frameworks: query.frameworks,
    transpose: query.transpose === "1",
    dimensionOrder: query.dimensions ?? [],
    hiddenDimensions: chosen ? data.dimensions.filter((d) => !chosen.has(d.key)).map((d) => d.key) : [],
  };
  return { prepared: prepareMatrix(data), state };
}

/**
 * The CSV export behind GET /api/compare.csv (and /api/v1/compare.csv): the same matrix model the
 * /compare page shows, as a file (see loadComparison for the query).
 */
export async function compareCsv(db: Db, params: URLSearchParams): Promise<{ csv: string; fileName: string }> {
  const { prepared, state } = await loadComparison(db, params);
  return { csv: matrixCsv(prepared, state), fileName: csvFileName(buildMatrix(prepared, state)) };
}
