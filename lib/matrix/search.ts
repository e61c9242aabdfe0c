import type { PreparedMatrix } from "./types";
import { searchTextOf } from "./values";

// The row filter's index: filter text per distinct value of each dimension (not per cell), built
// in idle slices in the browser, and a per-term table of the values that contain the term.

/** The codes present in each dimension (by dimension index), cached. */
function distinctCodes(p: PreparedMatrix): Int32Array[] {
  if (p.cache.distinct) return p.cache.distinct;
  const { codes, stride } = p;
  const frameworks = p.data.frameworks.length;
  const seen = new Uint8Array(p.dictionary.length);
  const distinct: Int32Array[] = [];
  for (let d = 0; d < stride; d++) {
    const found: number[] = [];
    for (let f = 0; f < frameworks; f++) {
      const code = codes[f * stride + d] ?? -1;
      if (code >= 0 && !seen[code]) {
        seen[code] = 1;
        found.push(code);
      }
    }
    for (const code of found) seen[code] = 0;
    distinct.push(Int32Array.from(found));
  }
  p.cache.distinct = distinct;
  return distinct;
}

/**
 * Builds part of the filter index: up to `budgetMs` of work (whole dimensions at a time), then
 * returns whether it is complete. Lets the browser build it in idle slices instead of one long task.
 */
export function warmSearchTexts(p: PreparedMatrix, budgetMs: number): boolean {
  const stop = performance.now() + budgetMs;
  let d = p.cache.searchDone ?? 0;
  if (d >= p.stride) return true;
  if (performance.now() >= stop) return false;
  const distinct = distinctCodes(p);
  p.cache.search ??= { keys: [], texts: [] };
  const { keys, texts } = p.cache.search;
  for (; d < p.stride && performance.now() < stop; d++) {
    const dimension = p.data.dimensions[d]!;
    for (const code of distinct[d] ?? []) {
      keys.push(code * p.stride + d);
      texts.push(searchTextOf(dimension, p.dictionary[code]!));
    }
  }
  p.cache.searchDone = d;
  return d >= p.stride;
}

/** The lower-case filter text of every distinct value, with its `code * stride + d` (finishing the index if needed). */
export function searchTexts(p: PreparedMatrix): { keys: number[]; texts: string[] } {
  warmSearchTexts(p, Number.POSITIVE_INFINITY);
  return p.cache.search ?? { keys: [], texts: [] };
}

/**
 * Which values contain each (lower-case) term in their filter text: table k has 1 at
 * `code * stride + d` for term k. The tables are reused from one filter to the next: valid until
 * the next call.
 */
export function valueHits(p: PreparedMatrix, terms: string[]): Uint8Array[] {
  const { keys, texts } = searchTexts(p);
  const size = p.dictionary.length * p.stride;
  p.cache.hitTables ??= [];
  const tables = p.cache.hitTables;
  return terms.map((term, k) => {
    const table = tables[k] ?? new Uint8Array(size);
    tables[k] = table;
    table.fill(0);
    for (let i = 0; i < texts.length; i++) if (texts[i]!.includes(term)) table[keys[i]!] = 1;
    return table;
  });
}

/** Lower-case filter text of the row labels (framework names with acronym and slug; dimension labels with group). */
export function searchLabels(p: PreparedMatrix): { frameworks: string[]; dimensions: string[] } {
  p.cache.labels ??= {
    frameworks: p.data.frameworks.map((f) => `${f.name} ${f.acronym ?? ""} ${f.slug}`.toLowerCase()),
    dimensions: p.data.dimensions.map((d) => `${d.label} ${d.group}`.toLowerCase()),
  };
  return p.cache.labels;
}
