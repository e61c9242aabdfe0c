import { displayAt, frameworkSortKeys, rawAt } from "./prepare";
import { searchLabels, valueHits } from "./search";
import type { MatrixGroup, PreparedMatrix, SortKey, ViewState } from "./types";
import { compareKeys, textKey } from "./values";
import { SORT_BY_LABEL, SORT_BY_NAME } from "./view-state";

// The ordering, grouping and filtering stages of the matrix model (lib/matrix/model.ts).

/**
 * Shown frameworks: the state's list order (frameworks the data lacks are skipped, so a view can
 * be drawn while new data is on its way), or the data's order for a catalog scope; hidden ones
 * left out; then sorted if asked.
 */
export function orderedFrameworks(p: PreparedMatrix, state: ViewState): number[] {
  const hidden = new Set(state.hiddenFrameworks);
  const base = state.scope
    ? p.data.frameworks.map((_, i) => i)
    : state.frameworks.flatMap((s) => p.frameworkIndex.get(s) ?? []);
  const shown = base.filter((i) => !hidden.has(p.data.frameworks[i]!.slug));
  const sort = state.frameworkSort;
  if (!sort) return shown;
  const d = sort.by === SORT_BY_NAME ? -1 : p.dimensionIndex.get(sort.by);
  if (d === undefined) return shown;
  const keys = frameworkSortKeys(p, d);
  return sortByKey(shown, (f) => keys[f] ?? null, sort.desc);
}

/**
 * Stable sort of indexes by precomputed keys (one key per item, compared with < and >);
 * missing keys go last in both directions.
 */
function sortByKey(items: number[], keyOf: (i: number) => SortKey | null, desc: boolean): number[] {
  const keyed = items.map((i) => ({ i, k: keyOf(i) }));
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null) return a.k === b.k ? 0 : a.k === null ? 1 : -1;
    return desc ? compareKeys(b.k, a.k) : compareKeys(a.k, b.k);
  });
  return keyed.map((x) => x.i);
}

/** Dimension display order: the URL's order first, then the rest in catalog order; hidden ones left out. */
export function orderedDimensions(p: PreparedMatrix, state: ViewState): number[] {
  const hidden = new Set(state.hiddenDimensions);
  const first = state.dimensionOrder.flatMap((k) => p.dimensionIndex.get(k) ?? []);
  const seen = new Set(first);
  const all = [...first, ...p.data.dimensions.map((_, i) => i).filter((i) => !seen.has(i))];
  return all.filter((d) => !hidden.has(p.data.dimensions[d]!.key));
}

function sortWithinGroups(p: PreparedMatrix, dims: number[], state: ViewState): number[] {
  const sort = state.dimensionSort;
  if (!sort) return dims;
  const { dimensions } = p.data;
  if (sort.by === SORT_BY_LABEL) return sortByKey(dims, (d) => textKey(dimensions[d]!.label), sort.desc);
  const f = p.frameworkIndex.get(sort.by);
  if (f === undefined) return dims;
  // Different dimensions hold different kinds of values: compare what the cells show.
  const key = (d: number) => (rawAt(p, f, d) === null ? null : textKey(displayAt(p, f, d)));
  return sortByKey(dims, key, sort.desc);
}

export function groupsOf(p: PreparedMatrix, dims: number[], state: ViewState): MatrixGroup[] {
  const collapsed = new Set(state.collapsedGroups);
  const groups = new Map<string, MatrixGroup>();
  for (const d of dims) {
    const id = p.groupIds[d]!;
    let group = groups.get(id);
    if (!group) {
      group = { id, label: p.data.dimensions[d]!.group, dimensions: [], collapsed: collapsed.has(id) };
      groups.set(id, group);
    }
    group.dimensions.push(d);
  }
  // Sorting happens inside each group, so the groups stay where the analyst put them.
  for (const group of groups.values()) group.dimensions = sortWithinGroups(p, group.dimensions, state);
  return [...groups.values()];
}

/**
 * Row filter: every whitespace-separated term must occur in the row label or in one of its shown
 * cells. Each term is looked up once per distinct value (valueHits); rows then only read codes.
 * The matcher reads shared scratch tables: use it at once, before the next rowMatcher call.
 */
export function rowMatcher(p: PreparedMatrix, state: ViewState, columns: number[]) {
  const terms = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return null;
  const labels = searchLabels(p);
  const hits = valueHits(p, terms);
  const { codes, stride } = p;
  const cellHit = (hit: Uint8Array, f: number, d: number) => {
    const code = codes[f * stride + d] ?? -1;
    return code >= 0 && hit[code * stride + d] === 1;
  };
  return (kind: "framework" | "dimension", index: number) =>
    terms.every((term, k) => {
      const hit = hits[k]!;
      if (kind === "framework") {
        if (labels.frameworks[index]!.includes(term)) return true;
        for (const d of columns) if (cellHit(hit, index, d)) return true;
      } else {
        if (labels.dimensions[index]!.includes(term)) return true;
        for (const f of columns) if (cellHit(hit, f, index)) return true;
      }
      return false;
    });
}
