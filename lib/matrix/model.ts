import {
  type DimensionStats,
  dimensionStats,
  frameworkSortKeys,
  type PreparedMatrix,
  rawAt,
  searchLabels,
  searchTexts,
  sourcesAt,
} from "./prepare";
import type { MatrixDimension, MatrixFramework, MatrixSource, TypedValue, ViewState } from "./types";
import { compareKeys, displayValue, type SortKey, textKey, typedValue } from "./values";
import { SORT_BY_LABEL, SORT_BY_NAME } from "./view-state";

export type MatrixGroup = {
  id: string;
  label: string;
  /** Shown dimensions of the group, in display order (also when the group is collapsed). */
  dimensions: number[];
  collapsed: boolean;
};

export type MatrixRow =
  | { kind: "group"; id: string; group: MatrixGroup }
  | { kind: "dimension"; id: string; d: number; dimension: MatrixDimension; groupId: string }
  | { kind: "framework"; id: string; f: number; framework: MatrixFramework };

export type MatrixColumn =
  | { kind: "framework"; id: string; f: number; framework: MatrixFramework }
  | { kind: "dimension"; id: string; d: number; dimension: MatrixDimension; groupId: string }
  /** A collapsed group when dimensions are columns: one narrow placeholder column. */
  | { kind: "group"; id: string; group: MatrixGroup };

export type MatrixCell = {
  framework: MatrixFramework;
  dimension: MatrixDimension;
  raw: string | null;
  value: TypedValue | null;
  display: string;
  /** False when the data left notes and citations out (large selections): fetch them to show them. */
  details: boolean;
  note: string | null;
  sources: MatrixSource[];
  /**
   * The dimension's values differ across the shown frameworks and this cell stands out: it is not
   * the most common value, or no value is held by more than one framework.
   */
  differs: boolean;
};

export type MatrixModel = {
  prepared: PreparedMatrix;
  state: ViewState;
  /** Shown frameworks (selected, not hidden), in display order. */
  frameworks: number[];
  /** Shown dimensions (not hidden, not dropped as equal), grouped, in display order, collapsed ones included. */
  dimensions: number[];
  groups: MatrixGroup[];
  rows: MatrixRow[];
  columns: MatrixColumn[];
  stats: (DimensionStats | undefined)[];
  counts: { equal: number; hiddenEqual: number; filteredOut: number };
  cellAt: (f: number, d: number) => MatrixCell;
  cell: (row: MatrixRow, column: MatrixColumn) => MatrixCell | null;
  /** The framework and dimension index a row and column meet at, if they hold a value cell. */
  locate: (row: MatrixRow, column: MatrixColumn) => { f: number; d: number } | null;
  /** Cheap parts of a cell for rendering many of them: shown text, whether it differs, citations. */
  displayAt: (f: number, d: number) => string;
  differsAt: (f: number, d: number) => boolean;
  citationCountAt: (f: number, d: number) => number;
};

const fid = (slug: string) => `f:${slug}`;
const did = (key: string) => `d:${key}`;

/**
 * Shown frameworks: the state's list order (frameworks the data lacks are skipped, so a view can
 * be drawn while new data is on its way), or the data's order for a catalog scope; hidden ones
 * left out; then sorted if asked.
 */
function orderedFrameworks(p: PreparedMatrix, state: ViewState): number[] {
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
function orderedDimensions(p: PreparedMatrix, state: ViewState): number[] {
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
  const key = (d: number) => {
    const raw = rawAt(p, f, d);
    return raw === null ? null : textKey(displayValue(dimensions[d]!, raw));
  };
  return sortByKey(dims, key, sort.desc);
}

function groupsOf(p: PreparedMatrix, dims: number[], state: ViewState): MatrixGroup[] {
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

/** Row filter: every whitespace-separated term must occur in the row label or in one of its shown cells. */
function rowMatcher(p: PreparedMatrix, state: ViewState, columns: number[]) {
  const terms = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return null;
  const texts = searchTexts(p);
  const labels = searchLabels(p);
  const stride = p.stride;
  return (kind: "framework" | "dimension", index: number) =>
    terms.every((term) => {
      if ((kind === "framework" ? labels.frameworks : labels.dimensions)[index]!.includes(term)) return true;
      for (const c of columns) {
        const text = kind === "framework" ? texts[index * stride + c] : texts[c * stride + index];
        if (text?.includes(term)) return true;
      }
      return false;
    });
}

/**
 * The one comparison model: catalog data plus a view state give the rows, columns and cells of
 * the matrix, which values differ, which dimensions are equal across the selection, and counts.
 * Used by the /compare page, the CSV export and (later) briefing embeds; pure apart from caches
 * kept on `prepared` that only save work.
 */
export function buildMatrix(p: PreparedMatrix, state: ViewState): MatrixModel {
  const { data } = p;
  const frameworks = orderedFrameworks(p, state);
  const allDims = orderedDimensions(p, state);
  const stats = dimensionStats(
    p,
    [...frameworks].sort((a, b) => a - b),
    allDims,
  );
  const equal = allDims.filter((d) => stats[d]?.equal).length;
  const kept = state.hideEqual ? allDims.filter((d) => !stats[d]?.equal) : allDims;
  const groups = groupsOf(p, kept, state);
  const dimensions = groups.flatMap((g) => g.dimensions);

  const frameworkEntry = (f: number) => ({
    kind: "framework" as const,
    id: fid(data.frameworks[f]!.slug),
    f,
    framework: data.frameworks[f]!,
  });
  const dimensionEntry = (d: number) => ({
    kind: "dimension" as const,
    id: did(data.dimensions[d]!.key),
    d,
    dimension: data.dimensions[d]!,
    groupId: p.groupIds[d]!,
  });

  let rows: MatrixRow[];
  let columns: MatrixColumn[];
  let filteredOut = 0;
  if (state.transpose) {
    columns = groups.flatMap((g): MatrixColumn[] =>
      g.collapsed ? [{ kind: "group", id: `g:${g.id}`, group: g }] : g.dimensions.map(dimensionEntry),
    );
    const visibleDims = groups.flatMap((g) => (g.collapsed ? [] : g.dimensions));
    const match = rowMatcher(p, state, visibleDims);
    const matching = match ? frameworks.filter((f) => match("framework", f)) : frameworks;
    filteredOut = frameworks.length - matching.length;
    rows = matching.map(frameworkEntry);
  } else {
    columns = frameworks.map(frameworkEntry);
    const match = rowMatcher(p, state, frameworks);
    rows = [];
    for (const g of groups) {
      const matching = match ? g.dimensions.filter((d) => match("dimension", d)) : g.dimensions;
      filteredOut += g.dimensions.length - matching.length;
      if (!matching.length) continue;
      rows.push({ kind: "group", id: `g:${g.id}`, group: g });
      if (!g.collapsed) rows.push(...matching.map(dimensionEntry));
    }
  }

  const differsAt = (f: number, d: number) => {
    const s = stats[d];
    return s !== undefined && !s.equal && frameworks.length > 1 && (s.modalCount === 1 || rawAt(p, f, d) !== s.modal);
  };
  const cellAt = (f: number, d: number): MatrixCell => {
    const dimension = data.dimensions[d]!;
    const raw = rawAt(p, f, d);
    return {
      framework: data.frameworks[f]!,
      dimension,
      raw,
      value: typedValue(dimension, raw),
      display: displayValue(dimension, raw),
      details: data.details,
      note: data.notes[f * p.stride + d] ?? null,
      sources: sourcesAt(p, f, d),
      differs: differsAt(f, d),
    };
  };
  const locate = (row: MatrixRow, column: MatrixColumn) => {
    if (row.kind === "dimension" && column.kind === "framework") return { f: column.f, d: row.d };
    if (row.kind === "framework" && column.kind === "dimension") return { f: row.f, d: column.d };
    return null;
  };
  const cell = (row: MatrixRow, column: MatrixColumn): MatrixCell | null => {
    const at = locate(row, column);
    return at ? cellAt(at.f, at.d) : null;
  };

  return {
    prepared: p,
    state,
    frameworks,
    dimensions,
    groups,
    rows,
    columns,
    stats,
    counts: { equal, hiddenEqual: state.hideEqual ? equal : 0, filteredOut },
    cellAt,
    cell,
    locate,
    displayAt: (f, d) => displayValue(data.dimensions[d]!, rawAt(p, f, d)),
    differsAt,
    citationCountAt: (f, d) => data.citations[f * p.stride + d]?.length ?? 0,
  };
}
