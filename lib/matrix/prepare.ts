import type { MatrixData, MatrixSource } from "./types";
import { type SortKey, searchTextOf, sortKey, textKey } from "./values";
import { groupIdOf } from "./view-state";

/** How the values of one dimension spread over the shown frameworks. */
export type DimensionStats = {
  /** Every shown framework has the same value (a missing value counts as a value); needs two or more frameworks. */
  equal: boolean;
  /** The most frequent stored value (first seen wins a tie). */
  modal: string | null;
  /** How many shown frameworks hold the modal value. */
  modalCount: number;
  /** Number of distinct values, missing included. */
  distinct: number;
};

/**
 * Matrix data with its lookups, built once per data set. It also carries caches for the costly
 * stages (value statistics, filter text) so that re-deriving a view after a sort or a toggle
 * touches only what changed; the caches never change a result, only its cost.
 */
export type PreparedMatrix = {
  data: MatrixData;
  /** Number of dimensions: the stride of the value arrays. */
  stride: number;
  frameworkIndex: Map<string, number>;
  dimensionIndex: Map<string, number>;
  /** Group id of each dimension (by dimension index). */
  groupIds: string[];
  cache: {
    statsKey?: string;
    stats?: (DimensionStats | undefined)[];
    search?: string[];
    /** Frameworks whose filter text is in `search` so far. */
    searchDone?: number;
    labels?: { frameworks: string[]; dimensions: string[] };
    /** Sort keys of every framework's value in a dimension (by dimension index), or of names (-1). */
    sortKeys?: Map<number, (SortKey | null)[]>;
  };
};

/** Indexes matrix data for the model. */
export function prepareMatrix(data: MatrixData): PreparedMatrix {
  return {
    data,
    stride: data.dimensions.length,
    frameworkIndex: new Map(data.frameworks.map((f, i) => [f.slug, i])),
    dimensionIndex: new Map(data.dimensions.map((d, i) => [d.key, i])),
    groupIds: data.dimensions.map((d) => groupIdOf(d.group)),
    cache: {},
  };
}

/** The stored value of framework f in dimension d. */
export const rawAt = (p: PreparedMatrix, f: number, d: number): string | null =>
  p.data.values[f * p.stride + d] ?? null;

/** The de-duplicated sources cited for cell (f, d), in citation order. */
export function sourcesAt(p: PreparedMatrix, f: number, d: number): MatrixSource[] {
  const refs = p.data.citations[f * p.stride + d];
  if (!refs) return [];
  return refs.map((i) => p.data.sources[i]).filter((s): s is MatrixSource => s !== undefined);
}

/** Per-dimension statistics over the shown frameworks (cached for the same frameworks and dimensions). */
export function dimensionStats(p: PreparedMatrix, frameworks: number[], dimensions: number[]) {
  const key = `${frameworks.join(",")}|${dimensions.join(",")}`;
  if (p.cache.statsKey === key && p.cache.stats) return p.cache.stats;
  const stats: (DimensionStats | undefined)[] = new Array(p.stride);
  for (const d of dimensions) stats[d] = statsOf(p, frameworks, d);
  p.cache.statsKey = key;
  p.cache.stats = stats;
  return stats;
}

/**
 * Value statistics of one dimension. Most dimensions hold a handful of distinct values, so they
 * are counted in a short list; a Map takes over when values turn out to be many (free text).
 */
function statsOf(p: PreparedMatrix, frameworks: number[], d: number): DimensionStats {
  const values: (string | null)[] = [];
  const counts: number[] = [];
  let map: Map<string | null, number> | null = null;
  let modal: string | null = null;
  let best = 0;
  for (const f of frameworks) {
    const raw = rawAt(p, f, d);
    let n: number;
    if (map) {
      n = (map.get(raw) ?? 0) + 1;
      map.set(raw, n);
    } else {
      const i = values.indexOf(raw);
      if (i === -1) {
        values.push(raw);
        counts.push(1);
        n = 1;
        if (values.length > 8) map = new Map(values.map((v, k) => [v, counts[k]!]));
      } else n = ++counts[i]!;
    }
    if (n > best) {
      best = n;
      modal = raw;
    }
  }
  const distinct = map ? map.size : values.length;
  return { equal: frameworks.length > 1 && distinct === 1, modal, modalCount: best, distinct };
}

/**
 * Builds part of the filter text index: up to `budgetMs` of work, then returns whether it is
 * complete. Lets the browser build it in idle slices instead of one long task.
 */
export function warmSearchTexts(p: PreparedMatrix, budgetMs: number): boolean {
  const { frameworks, dimensions } = p.data;
  p.cache.search ??= new Array<string>(frameworks.length * p.stride);
  const search = p.cache.search;
  const stop = performance.now() + budgetMs;
  let f = p.cache.searchDone ?? 0;
  for (; f < frameworks.length && performance.now() < stop; f++) {
    for (let d = 0; d < p.stride; d++) search[f * p.stride + d] = searchTextOf(dimensions[d]!, rawAt(p, f, d));
  }
  p.cache.searchDone = f;
  return f >= frameworks.length;
}

/** Lower-case filter text of every cell (finishing the index if idle time did not). */
export function searchTexts(p: PreparedMatrix): string[] {
  warmSearchTexts(p, Number.POSITIVE_INFINITY);
  return p.cache.search!;
}

/** Sort keys of all frameworks by a dimension's values (d >= 0) or by name (d = -1), cached. */
export function frameworkSortKeys(p: PreparedMatrix, d: number): (SortKey | null)[] {
  p.cache.sortKeys ??= new Map();
  let keys = p.cache.sortKeys.get(d);
  if (!keys) {
    const dimension = p.data.dimensions[d];
    keys = p.data.frameworks.map((f, i) => {
      if (!dimension) return textKey(f.name);
      const raw = rawAt(p, i, d);
      return raw === null ? null : sortKey(dimension, raw);
    });
    p.cache.sortKeys.set(d, keys);
  }
  return keys;
}

/** Lower-case filter text of the row labels (framework names with acronym and slug; dimension labels with group). */
export function searchLabels(p: PreparedMatrix): { frameworks: string[]; dimensions: string[] } {
  p.cache.labels ??= {
    frameworks: p.data.frameworks.map((f) => `${f.name} ${f.acronym ?? ""} ${f.slug}`.toLowerCase()),
    dimensions: p.data.dimensions.map((d) => `${d.label} ${d.group}`.toLowerCase()),
  };
  return p.cache.labels;
}
