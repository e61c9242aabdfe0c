import { groupsOf, orderedDimensions, orderedFrameworks, rowMatcher } from "./order";
import { dimensionStats, displayAt, rawAt, sourcesAt } from "./prepare";
import type {
  DimensionStats,
  MatrixCell,
  MatrixColumn,
  MatrixModel,
  MatrixRow,
  PreparedMatrix,
  ViewState,
} from "./types";
import { displayValue, typedValue } from "./values";

// lib/export/comparisons.ts still imports the model type from here; new code imports it from ./types.
export type { MatrixModel } from "./types";

const fid = (slug: string) => `f:${slug}`;
const did = (key: string) => `d:${key}`;

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
  // Value statistics cost a pass over every cell: computed when first needed (equal rows hidden,
  // differences highlighted, or the counts read), then cached on `prepared`.
  let cached: (DimensionStats | undefined)[] | undefined;
  const statsNow = () => {
    cached ??= dimensionStats(
      p,
      [...frameworks].sort((a, b) => a - b),
      allDims,
    );
    return cached;
  };
  const equalCount = () => allDims.filter((d) => statsNow()[d]?.equal).length;
  const kept = state.hideEqual ? allDims.filter((d) => !statsNow()[d]?.equal) : allDims;
  const groups = groupsOf(p, kept, state);
  const dimensions = groups.flatMap((g) => g.dimensions);

  // Entries are made once per data set: every view reuses them (stable identities for React and
  // the table, and thousands fewer objects per sort or keystroke).
  p.cache.frameworkEntries ??= [];
  p.cache.dimensionEntries ??= [];
  const { frameworkEntries, dimensionEntries } = p.cache;
  const frameworkEntry = (f: number) =>
    (frameworkEntries[f] ??= {
      kind: "framework" as const,
      id: fid(data.frameworks[f]!.slug),
      f,
      framework: data.frameworks[f]!,
    });
  const dimensionEntry = (d: number) =>
    (dimensionEntries[d] ??= {
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
    const s = statsNow()[d];
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
    get stats() {
      return statsNow();
    },
    counts: {
      get equal() {
        return equalCount();
      },
      get hiddenEqual() {
        return state.hideEqual ? equalCount() : 0;
      },
      filteredOut,
    },
    cellAt,
    cell,
    locate,
    displayAt: (f, d) => displayAt(p, f, d),
    differsAt,
    citationCountAt: (f, d) => data.citations[f * p.stride + d]?.length ?? 0,
  };
}
