import "server-only";
import { z } from "zod";
import { getCatalogVersion } from "@/lib/catalog/version";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cachedMatrixAt, getMatrix } from "./cached";
import { csvFileName, matrixCsv, matrixTable } from "./csv";
import { buildMatrix } from "./model";
import { parseViewState, type ViewStateInput } from "./parse-view-state";
import { countFrameworks, type FrameworkOption, listFrameworkOptions, listKnownSlugs } from "./queries";
import { resolveViewState } from "./resolve";
import { compareCsvQuerySchema } from "./schema";
import type { Notice, PreparedMatrix, ViewState } from "./types";
import { defaultViewState, hasSelection, selectionOf } from "./view-state";

// The comparison service: the one way the /compare page and the compare routes (data, options,
// compare.csv, /api/v1/compare and compare.csv) get matrix data. They all read through the
// per-catalog-version cache (lib/matrix/cached.ts), and none of them reads the cache by key: each
// gets the data it asked for and hands it on itself.

/** What the /compare page renders: the view state the URL describes, checked against the data. */
export type CompareView = {
  state: ViewState;
  /** What the URL had that the page could not use (malformed, unknown, capped). */
  notices: Notice[];
  /** The selection's data, packed (lib/matrix/payload): the page hands it to the browser as is. */
  payload: string;
  /** GET /api/compare/options at the data's catalog version: the picker's list, loaded when needed. */
  optionsPath: string;
  /** When nothing is selected: the catalog's size and which of `suggested` it has. */
  emptyState: { frameworkCount: number; known: string[] };
};

/**
 * The comparison a /compare URL asks for. Never throws for a bad URL: what cannot be used is
 * dropped and named in `notices`. `suggested` are the slugs the empty state may offer.
 */
export async function getCompareView(db: Db, params: ViewStateInput, suggested: string[]): Promise<CompareView> {
  const parsed = parseViewState(params);
  const empty = !hasSelection(parsed.state);
  const [matrix, frameworkCount, known] = await Promise.all([
    getMatrix(db, selectionOf(parsed.state)),
    empty ? countFrameworks(db) : 0,
    empty ? listKnownSlugs(db, suggested) : [],
  ]);
  const resolved = resolveViewState(parsed.state, matrix.prepared().data);
  return {
    state: resolved.state,
    notices: [...parsed.notices, ...resolved.notices],
    payload: matrix.payload,
    optionsPath: `/api/compare/options?v=${matrix.version}`,
    emptyState: { frameworkCount, known },
  };
}

/** Parameters of GET /api/compare/data besides `v`: the selection (see parseViewState). */
const SELECTION_PARAMS = new Set(["fw", "all", "q", "kind", "region", "status", "country"]);
const versionSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * The packed data of GET /api/compare/data?v=<catalog version>&<selection>. When `v` names a
 * version this process still holds the data of, that data (it never changes: `immutable`);
 * otherwise the current data. Bad parameters are a 400 AppError.
 */
export async function getMatrixData(
  db: Db,
  params: URLSearchParams,
): Promise<{ payload: string; version: number; immutable: boolean }> {
  const selectionParams = new URLSearchParams(params);
  const rawVersion = selectionParams.get("v");
  selectionParams.delete("v");
  const extra = [...selectionParams.keys()].filter((k) => !SELECTION_PARAMS.has(k));
  if (extra.length) throw new AppError("bad_request", `Unknown parameter(s): ${[...new Set(extra)].join(", ")}.`);
  const version = rawVersion === null ? null : versionSchema.safeParse(rawVersion);
  if (version && !version.success) throw new AppError("bad_request", "“v” must be a catalog version number.");
  const parsed = parseViewState(selectionParams);
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
    (asked !== undefined ? cachedMatrixAt(asked, selection) : undefined) ?? (await getMatrix(db, selection));
  return { payload: entry.payload, version: entry.version, immutable: entry.version === asked };
}

const optionsQuerySchema = z
  .object({ v: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional() })
  .strict();

/**
 * GET /api/compare/options?v=<catalog version>: every framework as a picker choice, with the
 * catalog version read before them (see getCatalogVersion); `immutable` when `v` is that version.
 */
export async function getFrameworkOptions(
  db: Db,
  params: URLSearchParams,
): Promise<{ options: FrameworkOption[]; version: number; immutable: boolean }> {
  const parsed = optionsQuerySchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw new AppError("bad_request", "Use ?v=<catalog version> and nothing else.");
  const version = await getCatalogVersion(db);
  const options = await listFrameworkOptions(db);
  return { options, version, immutable: version === parsed.data.v };
}

/**
 * The comparison a compare.csv-style query asks for (?frameworks=a,b[&dimensions=k1,k2][&transpose=1]):
 * the prepared matrix with the view state the query describes. Unknown slugs or keys are errors
 * here (automation should fail loudly), where the page only notes them.
 */
export async function loadComparison(
  db: Db,
  params: URLSearchParams,
): Promise<{ prepared: PreparedMatrix; state: ViewState }> {
  const parsed = compareCsvQuerySchema.safeParse(Object.fromEntries(params));
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
  const prepared = (await getMatrix(db, { frameworks: query.frameworks })).prepared();
  const { data } = prepared;
  const missing = query.frameworks.filter((s) => !prepared.frameworkIndex.has(s));
  const unknownKeys = (query.dimensions ?? []).filter((k) => !prepared.dimensionIndex.has(k));
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
  return { prepared, state };
}

/**
 * The CSV behind GET /api/compare.csv and /api/v1/compare.csv: the same matrix model the /compare
 * page shows, as a file (see loadComparison for the query).
 */
export async function compareCsv(db: Db, params: URLSearchParams): Promise<{ csv: string; fileName: string }> {
  const { prepared, state } = await loadComparison(db, params);
  return { csv: matrixCsv(prepared, state), fileName: csvFileName(buildMatrix(prepared, state)) };
}

/**
 * GET /api/v1/compare: the table of compare.csv as JSON (header row, then one row per dimension,
 * or per framework with transpose=1), so a script gets what the CSV holds without parsing CSV.
 */
export async function compareTable(db: Db, params: URLSearchParams) {
  const { prepared, state } = await loadComparison(db, params);
  const [header = [], ...rows] = matrixTable(prepared, state);
  return { frameworks: state.frameworks, header, rows };
}
