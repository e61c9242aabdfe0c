import { isComparisonVisibleIn } from "@/lib/auth/permissions";
import { getSavedComparison } from "@/lib/comparisons/queries";
import { COMPARISON_UNAVAILABLE } from "@/lib/comparisons/unavailable";
import type { Db } from "@/lib/db";
import { getMatrix } from "@/lib/matrix/cached";
import { buildMatrix, type MatrixModel } from "@/lib/matrix/model";
import { parseViewState } from "@/lib/matrix/parse-view-state";
import { resolveViewState } from "@/lib/matrix/resolve";
import type { ViewState } from "@/lib/matrix/types";
import { MAX_FRAMEWORKS, selectionOf } from "@/lib/matrix/view-state";
import type { SourceRegistry } from "./sources";
import type { MatrixRowView, MatrixView } from "./types";

/** A comparison loaded through the one matrix model, before its sources are numbered. */
export type LoadedComparison = { name: string; model: MatrixModel; notices: string[] } | null;

/**
 * Loads a saved comparison as the /compare page would show it (same ordering, hidden and
 * equal-row rules, row filter); collapsed groups are expanded because a printed table cannot fold
 * them. A catalog-scope comparison is cut to MAX_FRAMEWORKS frameworks, with a notice.
 * Null when the embed rule hides it in this briefing (isComparisonVisibleIn: the briefing's owner
 * must be able to read it), so exports and share pages show what the editor shows.
 */
export async function loadComparison(db: Db, briefingId: string, comparisonId: string): Promise<LoadedComparison> {
  if (!comparisonId) return null;
  if (!(await isComparisonVisibleIn(db, briefingId, comparisonId))) return null;
  const saved = await getSavedComparison(db, comparisonId);
  if (!saved) return null;
  const parsed = parseViewState(saved.state);
  const prepared = (await getMatrix(db, selectionOf(parsed.state))).prepared();
  const { data } = prepared;
  const resolved = resolveViewState(parsed.state, data);
  const notices = [...parsed.notices, ...resolved.notices].map((n) => n.message);
  let state: ViewState = { ...resolved.state, collapsedGroups: [] };
  if (state.scope && data.frameworks.length > MAX_FRAMEWORKS) {
    notices.push(`Only the first ${MAX_FRAMEWORKS} of ${data.frameworks.length} matching frameworks are shown.`);
    state = { ...state, scope: null, frameworks: data.frameworks.slice(0, MAX_FRAMEWORKS).map((f) => f.slug) };
  }
  return { name: saved.name, model: buildMatrix(prepared, state), notices };
}

/** Loads the comparisons embedded in a briefing at once (each id once). */
export async function loadComparisons(
  db: Db,
  briefingId: string,
  ids: string[],
): Promise<Map<string, LoadedComparison>> {
  const unique = [...new Set(ids)];
  const loaded = await Promise.all(unique.map((id) => loadComparison(db, briefingId, id)));
  return new Map(unique.map((id, i) => [id, loaded[i] ?? null]));
}

/**
 * The matrix as a table with numbered references: each cell cites its sources in `registry`
 * (row by row, so numbers grow down the table). `title` is the node's stored title, used when the
 * comparison is gone.
 */
export function matrixView(loaded: LoadedComparison, title: string, registry: SourceRegistry): MatrixView {
  if (!loaded) {
    return {
      title: title || "Comparison",
      corner: "",
      columns: [],
      rows: [],
      notices: [COMPARISON_UNAVAILABLE],
      found: false,
    };
  }
  const { model } = loaded;
  const { frameworks, dimensions } = model.prepared.data;
  const cell = (f: number, d: number) => {
    const c = model.cellAt(f, d);
    return { text: c.display, refs: registry.citeAll(c.sources) };
  };
  const frameworkLabel = (f: number) => frameworks[f]!.acronym ?? frameworks[f]!.name;
  const transpose = model.state.transpose;
  const columns = transpose
    ? model.dimensions.map((d) => dimensions[d]!.label)
    : model.frameworks.map((f) => frameworkLabel(f));
  const rows = model.rows.map((row): MatrixRowView => {
    if (row.kind === "group") return { kind: "group", label: row.group.label };
    if (row.kind === "framework") {
      return { kind: "row", label: frameworkLabel(row.f), cells: model.dimensions.map((d) => cell(row.f, d)) };
    }
    return { kind: "row", label: row.dimension.label, cells: model.frameworks.map((f) => cell(f, row.d)) };
  });
  return {
    title: loaded.name,
    corner: transpose ? "Framework" : "Dimension",
    columns,
    rows,
    notices: loaded.notices,
    found: true,
  };
}
