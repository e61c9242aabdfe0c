import type { DimensionStats, MatrixData, MatrixSource, PreparedMatrix, SortKey, ValueCoding } from "./types";
import { displayValue, sortKey, textKey } from "./values";
import { groupIdOf } from "./view-state";

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
