import { getCatalogVersion } from "@/lib/catalog/version";
import type { Db } from "@/lib/db";
import { processWide } from "@/lib/process-wide";
import { type CachedMatrix, cachedMatrix, matrixKey, readCachedMatrix, storeCachedMatrix } from "./data-cache";
import { packMatrixData } from "./payload";
import { loadMatrixData } from "./queries";
import type { MatrixSelection } from "./types";
import { selectionQuery } from "./view-state";

/** Loads of the same data under way: concurrent requests for it share one database read. */
const inFlight = () => processWide("matrix-data-loads", () => new Map<string, Promise<CachedMatrix>>());

/**
 * The matrix data of a selection (callers: lib/matrix/service.ts, and the briefing embeds and
 * exports), from the process's cache when the catalog has not changed since
 * it was loaded. The catalog version is a counter the database bumps on every write to a catalog
 * table (triggers; see the catalog_version migration), whatever wrote it, so one small read
 * per call tells whether the cached data is current, on every instance.
 */
export async function getMatrix(db: Db, asked: MatrixSelection): Promise<CachedMatrix> {
  const version = await getCatalogVersion(db);
  const selection = canonicalSelection(asked);
  const query = selectionQuery(selection);
  const key = matrixKey(version, query);
  const hit = readCachedMatrix(key);
  if (hit) return hit;
  const loads = inFlight();
  let load = loads.get(key);
  if (!load) {
    load = loadMatrixData(db, selection)
      .then((data) => {
        const entry = cachedMatrix(version, query, packMatrixData(data));
        storeCachedMatrix(entry);
        return entry;
      })
      .finally(() => loads.delete(key));
    loads.set(key, load);
  }
  return load;
}

/** The data of a selection at catalog version `version`, if this process still holds it. */
export function cachedMatrixAt(version: number, selection: MatrixSelection): CachedMatrix | undefined {
  return readCachedMatrix(matrixKey(version, selectionQuery(canonicalSelection(selection))));
}

/**
 * The selection whose data a cache entry holds: hand-picked frameworks sorted and without repeats.
 * The view's column order comes from its own state (lib/matrix/order.ts), not from the data, so
 * "a,b" and "b,a" share one entry instead of one per permutation.
 */
export function canonicalSelection(selection: MatrixSelection): MatrixSelection {
  if (!("frameworks" in selection)) return selection;
  return { frameworks: [...new Set(selection.frameworks)].sort() };
}
