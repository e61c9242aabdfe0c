import {
  columnSizingFeature,
  createColumnHelper,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
} from "@tanstack/react-table";
import { rawAt } from "@/lib/matrix/prepare";
import type { MatrixColumn, MatrixModel, MatrixRow, PreparedMatrix, SortSpec, ViewState } from "@/lib/matrix/types";
import { SORT_BY_LABEL, SORT_BY_NAME } from "@/lib/matrix/view-state";
import { columnWidth, LABEL_WIDTH, shortName } from "./matrix-layout";

export type MatrixTableMeta = { model: MatrixModel };
export type MatrixColumnMeta = { entry: MatrixColumn | null };

/**
 * Table features of the matrix. Sorting is "manual": the matrix model (lib/matrix) already
 * ordered the rows, so the CSV export and the screen agree; the table owns the sort state,
 * header toggles and column geometry.
 */
export const matrixFeatures = tableFeatures({
  rowSortingFeature,
  columnSizingFeature,
  tableMeta: {} as MatrixTableMeta,
  columnMeta: {} as MatrixColumnMeta,
});
export type MatrixFeatures = typeof matrixFeatures;

export const LABEL_COLUMN = "__label";
const helper = createColumnHelper<MatrixFeatures, MatrixRow>();

/** The stored value of a body cell: what `cell.getValue()` returns (never read for sorting). */
function rawOf(p: PreparedMatrix, row: MatrixRow, column: MatrixColumn): string | null {
  if (row.kind === "dimension" && column.kind === "framework") return rawAt(p, column.f, row.d);
  if (row.kind === "framework" && column.kind === "dimension") return rawAt(p, row.f, column.d);
  return null;
}

function rowLabel(row: MatrixRow): string {
  if (row.kind === "framework") return row.framework.name;
  if (row.kind === "dimension") return row.dimension.label;
  return row.group.label;
}

function ColumnLabel({ entry }: { entry: MatrixColumn }) {
  if (entry.kind === "framework") {
    const { framework: f } = entry;
    return (
      <span className="matrix-colhead">
        <span className="matrix-colhead__short">{shortName(f)}</span>
        {shortName(f) !== f.name ? <span className="matrix-colhead__long">{f.name}</span> : null}
      </span>
    );
  }
  if (entry.kind === "dimension") {
    return (
      <span className="matrix-colhead">
        <span className="matrix-colhead__short">{entry.dimension.label}</span>
      </span>
    );
  }
  return <span className="matrix-colhead matrix-colhead--collapsed">{entry.group.label}</span>;
}

function CellContent({ model, row, column }: { model: MatrixModel; row: MatrixRow; column: MatrixColumn }) {
  const at = model.locate(row, column);
  if (!at) return null;
  const missing = rawAt(model.prepared, at.f, at.d) === null;
  const cites = model.citationCountAt(at.f, at.d);
  return (
    <>
      <span className={missing ? "matrix-value matrix-value--missing" : "matrix-value"}>
        {model.displayAt(at.f, at.d)}
      </span>
      {cites ? (
        <span className="matrix-cites" aria-hidden="true">
          {cites}
        </span>
      ) : null}
    </>
  );
}

/**
 * Column definitions for the model's columns: the sticky label column, then one column per
 * framework (or per dimension when transposed, under their group headers).
 */
export function buildColumns(p: PreparedMatrix, columns: MatrixColumn[], transpose: boolean) {
  const label = helper.accessor(rowLabel, {
    id: LABEL_COLUMN,
    size: LABEL_WIDTH,
    header: transpose ? "Framework" : "Dimension",
    cell: (ctx) => <span className="matrix-rowhead__text">{ctx.getValue()}</span>,
    meta: { entry: null },
  });
  const entryColumn = (entry: MatrixColumn) =>
    helper.accessor((row) => rawOf(p, row, entry), {
      id: entry.id,
      size: columnWidth(entry),
      enableSorting: entry.kind !== "group",
      header: () => <ColumnLabel entry={entry} />,
      cell: (ctx) => <CellContent model={ctx.table.options.meta!.model} row={ctx.row.original} column={entry} />,
      meta: { entry },
    });
  if (!transpose) return helper.columns([label, ...columns.map(entryColumn)]);
  const runs: { id: string; label: string; columns: MatrixColumn[] }[] = [];
  for (const entry of columns) {
    const id = entry.kind === "dimension" ? entry.groupId : entry.kind === "group" ? entry.group.id : "";
    const last = runs.at(-1);
    if (last?.id === id) last.columns.push(entry);
    else
      runs.push({
        id,
        label: entry.kind === "dimension" ? entry.dimension.group : entry.kind === "group" ? entry.group.label : "",
        columns: [entry],
      });
  }
  return helper.columns([
    label,
    ...runs.map((run) =>
      helper.group({ id: `band:${run.id}`, header: run.label, columns: helper.columns(run.columns.map(entryColumn)) }),
    ),
  ]);
}

/** The table's sort state for a view: rows are sorted by one column (header click). */
export function sortingOf(state: ViewState): SortingState {
  const spec = state.transpose ? state.frameworkSort : state.dimensionSort;
  if (!spec) return [];
  const label = state.transpose ? SORT_BY_NAME : SORT_BY_LABEL;
  const id = spec.by === label ? LABEL_COLUMN : `${state.transpose ? "d" : "f"}:${spec.by}`;
  return [{ id, desc: spec.desc }];
}

/** The view-state change for a new table sort state. */
export function viewPatchOfSorting(state: ViewState, sorting: SortingState): Partial<ViewState> {
  const first = sorting[0];
  const spec: SortSpec | null = first
    ? {
        by: first.id === LABEL_COLUMN ? (state.transpose ? SORT_BY_NAME : SORT_BY_LABEL) : first.id.slice(2),
        desc: first.desc,
      }
    : null;
  return state.transpose ? { frameworkSort: spec } : { dimensionSort: spec };
}
