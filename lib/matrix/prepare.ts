import type { MatrixColumn, MatrixRow } from "./model";
import type { MatrixData, MatrixSource } from "./types";
import { displayValue, type SortKey, sortKey, textKey } from "./values";
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
 * The stored values as numbers: each distinct text once in `dictionary`, and per cell its index
 * there (-1: no value). Most values repeat ("true", an enum option), so everything derived from a
 * value (shown text, filter text, sort key) is worked out once per distinct value and dimension,
 * not once per cell, and value statistics count small integers instead of comparing strings.
 */
export type ValueCoding = { dictionary: string[]; codes: Int32Array };

/**
 * Matrix data with its lookups, built once per data set. It also carries caches for the costly
 * stages (value statistics, filter text, row and column entries) so that re-deriving a view after
 * a sort or a toggle touches only what changed; the caches never change a result, only its cost.
 */
export type PreparedMatrix = ValueCoding & {
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
    /** Shown text of value `code` in dimension d, at `code * stride + d`. */
    display?: Map<number, string>;
    /** Codes present in each dimension (by dimension index), for the filter. */
    distinct?: Int32Array[];
    /** Lower-case filter text of each distinct value (`texts`), with its `code * stride + d` (`keys`). */
    search?: { keys: number[]; texts: string[] };
    /** Scratch tables of the filter (one per term), reused so typing does not churn megabytes. */
    hitTables?: Uint8Array[];
    /** Dimensions whose filter texts are in `search` so far. */
    searchDone?: number;
    labels?: { frameworks: string[]; dimensions: string[] };
    /** Sort keys of every framework's value in a dimension (by dimension index), or of names (-1). */
    sortKeys?: Map<number, (SortKey | null)[]>;
    /** Row and column entries of the model, reused by every view (stable identities, less garbage). */
    frameworkEntries?: (Extract<MatrixRow, { kind: "framework" }> | undefined)[];
    dimensionEntries?: (Extract<MatrixColumn, { kind: "dimension" }> | undefined)[];
  };
};

/** Codes the stored values: each distinct text once, in order of first appearance. */
export function codeValues(values: (string | null)[]): ValueCoding {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) {
      codes[i] = -1;
      return;
    }
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.push(v) - 1;
      index.set(v, code);
    }
    codes[i] = code;
  });
  return { dictionary, codes };
}

/** Indexes matrix data for the model; `coding` when the values arrived coded (lib/matrix/payload). */
export function prepareMatrix(data: MatrixData, coding: ValueCoding = codeValues(data.values)): PreparedMatrix {
  return {
    data,
    ...coding,
    stride: data.dimensions.length,
    frameworkIndex: new Map(data.frameworks.map((f, i) => [f.slug, i])),
    dimensionIndex: new Map(data.dimensions.map((d, i) => [d.key, i])),
    groupIds: data.dimensions.map((d) => groupIdOf(d.group)),
    cache: {},
  };
}

/** The stored value of framework f in dimension d. */
export function rawAt(p: PreparedMatrix, f: number, d: number): string | null {
  const code = p.codes[f * p.stride + d] ?? -1;
  return code < 0 ? null : (p.dictionary[code] ?? null);
}

/** What cell (f, d) shows (see displayValue), worked out once per distinct value of the dimension. */
export function displayAt(p: PreparedMatrix, f: number, d: number): string {
  const code = p.codes[f * p.stride + d] ?? -1;
  const dimension = p.data.dimensions[d]!;
  if (code < 0) return displayValue(dimension, null);
  p.cache.display ??= new Map();
  const key = code * p.stride + d;
  let shown = p.cache.display.get(key);
  if (shown === undefined) {
    shown = displayValue(dimension, p.dictionary[code] ?? null);
    p.cache.display.set(key, shown);
  }
  return shown;
}

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
  // One counter per code (shifted by one for "no value"), zeroed again after each dimension.
  const counts = new Int32Array(p.dictionary.length + 1);
  for (const d of dimensions) stats[d] = statsOf(p, frameworks, d, counts);
  p.cache.statsKey = key;
  p.cache.stats = stats;
  return stats;
}

function statsOf(p: PreparedMatrix, frameworks: number[], d: number, counts: Int32Array): DimensionStats {
  const { codes, stride } = p;
  let modal = 0;
  let best = 0;
  let distinct = 0;
  for (const f of frameworks) {
    const slot = (codes[f * stride + d] ?? -1) + 1;
    const n = (counts[slot] ?? 0) + 1;
    counts[slot] = n;
    if (n === 1) distinct++;
    // Strictly greater: of values with the same count, the one that got there first stays modal.
    if (n > best) {
      best = n;
      modal = slot;
    }
  }
  for (const f of frameworks) counts[(codes[f * stride + d] ?? -1) + 1] = 0;
  return {
    equal: frameworks.length > 1 && distinct === 1,
    modal: modal === 0 ? null : (p.dictionary[modal - 1] ?? null),
    modalCount: best,
    distinct,
  };
}

/** Sort keys of all frameworks by a dimension's values (d >= 0) or by name (d = -1), cached. */
export function frameworkSortKeys(p: PreparedMatrix, d: number): (SortKey | null)[] {
  p.cache.sortKeys ??= new Map();
  let keys = p.cache.sortKeys.get(d);
  if (!keys) {
    const dimension = p.data.dimensions[d];
    const byCode = new Map<number, SortKey>();
    keys = p.data.frameworks.map((f, i) => {
      if (!dimension) return textKey(f.name);
      const code = p.codes[i * p.stride + d] ?? -1;
      if (code < 0) return null;
      let key = byCode.get(code);
      if (key === undefined) {
        key = sortKey(dimension, p.dictionary[code]!);
        byCode.set(code, key);
      }
      return key;
    });
    p.cache.sortKeys.set(d, keys);
  }
  return keys;
}
