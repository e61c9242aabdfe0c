"use client";

import { type Column, FlexRender, type Header, type Row, type SortingState } from "@tanstack/react-table";
import { memo } from "react";
import type { MatrixModel, MatrixRow } from "@/lib/matrix/types";
import { GROUP_ROW_HEIGHT, HEADER_HEIGHT, ROW_HEIGHT } from "./matrix-layout";
import type { MatrixFeatures } from "./matrix-table";

type TableRow = Row<MatrixFeatures, MatrixRow>;
type TableColumn = Column<MatrixFeatures, MatrixRow, unknown>;
type TableHeader = Header<MatrixFeatures, MatrixRow, unknown>;

/** The rendered slice of data columns: leaf indexes colStart..colEnd, the first shifted by offset. */
export type ColumnSlice = { colStart: number; colEnd: number; offset: number };

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
const ariaSort = (sorted: false | "asc" | "desc") =>
  sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";

type HeaderRowProps = ColumnSlice & {
  headers: TableHeader[];
  /** Rendered width of each leaf column, label column first. */
  widths: number[];
  tabCol: number;
  /** The table's sort state: the header objects stay the same when it changes, so it is a prop. */
  sorting: SortingState;
  onToggleGroup: (groupId: string) => void;
};

/** The sticky header row: the corner (sorts rows by label) and one sortable header per column. */
export const MatrixHeaderRow = memo(function MatrixHeaderRow({
  headers,
  widths,
  colStart,
  colEnd,
  offset,
  tabCol,
  onToggleGroup,
}: HeaderRowProps) {
  const headerCell = (header: TableHeader, c: number, style?: React.CSSProperties) => {
    const entry = header.column.columnDef.meta?.entry ?? null;
    const sorted = header.column.getIsSorted();
    const common = { "data-pos": `-1:${c}`, tabIndex: tabCol === c ? 0 : -1, type: "button" as const };
    return (
      <th
        key={header.id}
        scope="col"
        aria-colindex={c + 1}
        aria-sort={entry?.kind === "group" ? undefined : ariaSort(sorted)}
        className={c === 0 ? "matrix-corner" : "matrix-colhead-cell"}
        style={style}
      >
        {entry?.kind === "group" ? (
          <button
            {...common}
            className="matrix-head-button matrix-head-button--collapsed"
            aria-expanded={false}
            aria-label={`Expand ${entry.group.label} (${entry.group.dimensions.length} dimensions)`}
            onClick={() => onToggleGroup(entry.group.id)}
          >
            <FlexRender header={header} />
          </button>
        ) : (
          <button {...common} className="matrix-head-button" onClick={header.column.getToggleSortingHandler()}>
            <FlexRender header={header} />
            <span className="matrix-sort" data-sorted={sorted || undefined} aria-hidden="true">
              {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
            </span>
          </button>
        )}
      </th>
    );
  };
  return (
    <tr aria-rowindex={1} className="matrix-row matrix-row--head" style={{ height: HEADER_HEIGHT }}>
      {headers[0] ? headerCell(headers[0], 0, { width: widths[0] }) : null}
      {range(colStart, colEnd).map((c, k) => {
        const header = headers[c];
        return header ? headerCell(header, c, { width: widths[c], marginLeft: k === 0 ? offset : undefined }) : null;
      })}
    </tr>
  );
});

type BodyRowProps = ColumnSlice & {
  row: TableRow;
  r: number;
  /** Offset from the top of the body; null renders the row in normal flow (no virtualization). */
  top: number | null;
  leaf: TableColumn[];
  widths: number[];
  model: MatrixModel;
  highlight: boolean;
  tabCol: number;
  describedCol: number;
  popoverId: string;
};

/** One framework or dimension row: the sticky row header and the rendered cells. */
export const MatrixBodyRow = memo(function MatrixBodyRow(props: BodyRowProps) {
  const { row, r, top, leaf, widths, model, highlight, tabCol, describedCol, popoverId, colStart, colEnd, offset } =
    props;
  // In leaf column order, like `leaf`: read by position (no map of every column's cell per render).
  const cells = row.getAllCells();
  const label = cells[0];
  const stats = row.original.kind === "dimension" ? model.stats[row.original.d] : undefined;
  const rowDiffers = highlight && stats !== undefined && !stats.equal && model.frameworks.length > 1;
  return (
    <tr
      aria-rowindex={r + 2}
      className={`matrix-row${rowDiffers ? " matrix-row--differs" : ""}`}
      style={top === null ? undefined : { transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      data-row-id={row.id}
    >
      <th
        scope="row"
        aria-colindex={1}
        className="matrix-rowhead"
        data-pos={`${r}:0`}
        tabIndex={tabCol === 0 ? 0 : -1}
        style={{ width: widths[0] }}
      >
        {label ? <FlexRender cell={label} /> : null}
      </th>
      {range(colStart, colEnd).map((c, k) => {
        const column = leaf[c];
        const cell = cells[c];
        const entry = column?.columnDef.meta?.entry;
        if (!column || !cell || !entry) return null;
        const at = highlight ? model.locate(row.original, entry) : null;
        const differs = at !== null && model.differsAt(at.f, at.d);
        return (
          <td
            key={column.id}
            aria-colindex={c + 1}
            aria-describedby={describedCol === c ? popoverId : undefined}
            data-pos={`${r}:${c}`}
            tabIndex={tabCol === c ? 0 : -1}
            className={`matrix-cell${differs ? " matrix-cell--differs" : ""}${entry.kind === "group" ? " matrix-cell--folded" : ""}`}
            style={{ width: widths[c], marginLeft: k === 0 ? offset : undefined }}
          >
            <FlexRender cell={cell} />
          </td>
        );
      })}
    </tr>
  );
});

type GroupRowProps = {
  row: TableRow;
  r: number;
  top: number | null;
  colCount: number;
  tabbable: boolean;
  onToggleGroup: (groupId: string) => void;
};

/** A dimension-group header row (dimensions as rows) with its collapse toggle. */
export const MatrixGroupRow = memo(function MatrixGroupRow({
  row,
  r,
  top,
  colCount,
  tabbable,
  onToggleGroup,
}: GroupRowProps) {
  if (row.original.kind !== "group") return null;
  const { group } = row.original;
  return (
    <tr
      aria-rowindex={r + 2}
      className="matrix-row matrix-row--group"
      style={top === null ? undefined : { transform: `translateY(${top}px)`, height: GROUP_ROW_HEIGHT }}
      data-row-id={row.id}
    >
      <th scope="row" aria-colindex={1} colSpan={colCount} className="matrix-group-cell">
        <button
          type="button"
          className="matrix-group-toggle"
          data-pos={`${r}:0`}
          tabIndex={tabbable ? 0 : -1}
          aria-expanded={!group.collapsed}
          onClick={() => onToggleGroup(group.id)}
        >
          <span aria-hidden="true" className="matrix-group-toggle__icon">
            {group.collapsed ? "▸" : "▾"}
          </span>
          {group.label} <span className="count">({group.dimensions.length})</span>
        </button>
      </th>
    </tr>
  );
});
