"use client";

import { type SortingState, type Updater, useTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useId, useMemo, useRef } from "react";
import type { MatrixModel, ViewState } from "@/lib/matrix/types";
import { CitationPopover } from "./citation-popover";
import { MatrixBand } from "./matrix-band";
import {
  GROUP_BAND_HEIGHT,
  HEADER_HEIGHT,
  INITIAL_RECT,
  LABEL_WIDTH,
  NARROW_LABEL_WIDTH,
  ROW_HEIGHT,
  rowHeight,
} from "./matrix-layout";
import { type ColumnSlice, MatrixBodyRow, MatrixGroupRow, MatrixHeaderRow } from "./matrix-rows";
import { buildColumns, matrixFeatures, sortingOf, viewPatchOfSorting } from "./matrix-table";
import { markMatrixRendered } from "./perf";
import { useCellPopover } from "./use-cell-popover";
import { useElementSize } from "./use-element-width";
import { type GridPos, posKey, useGridNavigation } from "./use-grid-navigation";
import { usePrintMode } from "./use-print-mode";
import { useStableList } from "./use-stable-list";

/** More than any viewport shows at once (with overscan): consecutive rows never share a slot. */
const ROW_SLOTS = 512;

/**
 * React key of a rendered row. Virtualized rows are keyed by their place in the window, not by
 * framework or dimension: a sort or a filter then updates the rendered rows' text in place instead
 * of unmounting and recreating every one of them (and their cells). Rows in normal flow (printing,
 * no virtualization) keep their identity.
 */
const slotKey = (index: number, flow: boolean, id: string) => (flow ? id : `slot:${index % ROW_SLOTS}`);

export type MatrixGridProps = {
  model: MatrixModel;
  onViewChange: (patch: Partial<ViewState>) => void;
  onToggleGroup: (groupId: string) => void;
};

/**
 * The comparison matrix: a TanStack table rendered as an ARIA grid, virtualized in both
 * directions (TanStack Virtual), with a sticky header and label column, keyboard navigation and
 * per-cell citation popovers. `state.virtual === false` (and printing) renders every row and column.
 */
export const MatrixGrid = memo(function MatrixGrid({ model, onViewChange, onToggleGroup }: MatrixGridProps) {
  const { prepared, state } = model;
  const printing = usePrintMode();
  const flow = !state.virtual || printing;
  const columnsKey = `${state.transpose}|${model.columns.map((c) => c.id).join("|")}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: columns change only when their ids do; rebuilding them on every sort would reset the table's column model for nothing.
  const columns = useMemo(() => buildColumns(prepared, model.columns, state.transpose), [prepared, columnsKey]);
  const sorting = useMemo(() => sortingOf(state), [state]);
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) =>
      onViewChange(viewPatchOfSorting(state, typeof updater === "function" ? updater(sorting) : updater)),
    [state, sorting, onViewChange],
  );
  const table = useTable({
    features: matrixFeatures,
    columns,
    data: model.rows,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    meta: { model },
  });

  const rows = table.getRowModel().rows;
  const leaf = table.getAllLeafColumns();
  const headerGroups = table.getHeaderGroups();
  const leafHeaders = headerGroups.at(-1)?.headers ?? [];
  const dataColumns = useMemo(() => leaf.slice(1), [leaf]);
  const headHeight = HEADER_HEIGHT + (state.transpose ? GROUP_BAND_HEIGHT : 0);

  const scrollRef = useRef<HTMLDivElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  // Few columns stretch to fill the width (up to 3x) instead of leaving the right side empty.
  const { width: viewport, height: viewportHeight } = useElementSize(scrollRef, INITIAL_RECT);
  const widths = useStableList(
    useMemo(() => {
      const natural = dataColumns.reduce((sum, c) => sum + c.getSize(), 0);
      const label = viewport < 560 ? NARROW_LABEL_WIDTH : LABEL_WIDTH;
      const scale = natural ? Math.min(3, Math.max(1, (viewport - label) / natural)) : 1;
      return leaf.map((c, i) => (i === 0 ? label : Math.floor(c.getSize() * scale)));
    }, [leaf, dataColumns, viewport]),
  );
  const labelWidth = widths[0] ?? LABEL_WIDTH;
  // The virtualizers recompute every item's position when these functions change: they change
  // with the rows and columns only, not on every render (scroll frames included).
  const rowSize = useCallback((i: number) => rowHeight(rows[i]?.original), [rows]);
  const rowKey = useCallback((i: number) => rows[i]?.id ?? i, [rows]);
  const columnSize = useCallback((i: number) => widths[i + 1] ?? 0, [widths]);
  const columnKey = useCallback((i: number) => dataColumns[i]?.id ?? i, [dataColumns]);
  const rowV = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowSize,
    getItemKey: rowKey,
    // Rows render once per frame while scrolling; four beyond each edge cover a fast scroll, and
    // every extra row is about a dozen cells more to re-render on each sort or filter.
    overscan: 4,
    initialRect: INITIAL_RECT,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    enabled: !flow,
    // Render scroll updates with the next frame instead of synchronously inside each scroll event.
    useFlushSync: false,
  });
  const colV = useVirtualizer({
    horizontal: true,
    count: dataColumns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: columnSize,
    getItemKey: columnKey,
    overscan: 2,
    initialRect: INITIAL_RECT,
    paddingStart: labelWidth,
    scrollPaddingStart: labelWidth,
    enabled: !flow,
    useFlushSync: false,
  });

  const virtualRows = flow ? null : rowV.getVirtualItems();
  const virtualCols = flow ? null : colV.getVirtualItems();
  const slice: ColumnSlice = virtualCols
    ? {
        colStart: (virtualCols[0]?.index ?? 0) + 1,
        colEnd: (virtualCols.at(-1)?.index ?? -1) + 1,
        offset: (virtualCols[0]?.start ?? labelWidth) - labelWidth,
      }
    : { colStart: 1, colEnd: dataColumns.length, offset: 0 };
  const rowItems = virtualRows ?? rows.map((_, index) => ({ index, start: 0 }));
  const totalWidth = widths.reduce((sum, w) => sum + w, 0);

  const isGroupRow = useCallback((r: number) => rows[r]?.original.kind === "group", [rows]);
  const reveal = useCallback(
    (p: GridPos) => {
      if (flow) return;
      if (p.r >= 0) rowV.scrollToIndex(p.r, { align: "auto" });
      if (p.c >= 1) colV.scrollToIndex(p.c - 1, { align: "auto" });
    },
    [flow, rowV, colV],
  );
  const pageSize = Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 2);
  const nav = useGridNavigation({ rowCount: rows.length, colCount: leaf.length, isGroupRow, reveal, pageSize });
  const rendered = (p: GridPos) =>
    (p.r === -1 || (rowItems.some((i) => i.index === p.r) && rows[p.r] !== undefined)) &&
    (p.c === 0 || (p.c >= slice.colStart && p.c <= slice.colEnd));
  const active = nav.targetOf(nav.active);
  const tab = rendered(active) && active.c < leaf.length ? active : { r: -1, c: 0 };

  const popoverId = useId();
  const cellAtPos = useCallback(
    (p: GridPos) => {
      const row = rows[p.r]?.original;
      const entry = leaf[p.c]?.columnDef.meta?.entry;
      return row && entry ? model.cell(row, entry) : null;
    },
    [rows, leaf, model],
  );
  const popover = useCellPopover({ cellAt: cellAtPos, focusCell: nav.focusNow, wrapRef });

  useEffect(() => markMatrixRendered(), []);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keyboard and pointer events of the grid's cells are delegated here.
    <div
      ref={wrapRef}
      className="matrix-wrap"
      onKeyDown={(e) => {
        popover.onKeyDown(e);
        if (!e.defaultPrevented) nav.onKeyDown(e);
      }}
      onFocus={(e) => {
        nav.onFocus(e);
        popover.onFocus(e);
      }}
      onBlur={popover.onBlur}
      onClick={popover.onClick}
      onMouseOver={popover.onMouseOver}
      onMouseLeave={popover.onMouseLeave}
    >
      <div ref={scrollRef} className={`matrix-scroll${flow ? " matrix-scroll--flow" : ""}`} data-testid="matrix-scroll">
        {state.transpose ? (
          <MatrixBand
            headers={headerGroups[0]?.headers ?? []}
            model={model}
            widths={widths}
            onToggleGroup={onToggleGroup}
          />
        ) : null}
        <table
          ref={nav.gridRef}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA grid pattern (one tab stop, arrow keys) on a data table is the point.
          role="grid"
          aria-label={
            state.transpose ? "Comparison matrix, frameworks as rows" : "Comparison matrix, frameworks as columns"
          }
          aria-rowcount={rows.length + 1}
          aria-colcount={leaf.length}
          className={`matrix${state.transpose ? " matrix--transposed" : ""}`}
          style={{ width: totalWidth }}
          data-testid="matrix"
        >
          <thead className="matrix-head" style={{ top: state.transpose ? GROUP_BAND_HEIGHT : 0 }}>
            <MatrixHeaderRow
              headers={leafHeaders}
              widths={widths}
              {...slice}
              tabCol={tab.r === -1 ? tab.c : -1}
              sorting={sorting}
              onToggleGroup={onToggleGroup}
            />
          </thead>
          <tbody className="matrix-body" style={flow ? undefined : { height: rowV.getTotalSize() }}>
            {rowItems.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const top = flow ? null : item.start - headHeight;
              if (row.original.kind === "group") {
                return (
                  <MatrixGroupRow
                    key={slotKey(item.index, flow, row.id)}
                    row={row}
                    r={item.index}
                    top={top}
                    colCount={leaf.length}
                    tabbable={tab.r === item.index}
                    onToggleGroup={onToggleGroup}
                  />
                );
              }
              const here = popover.state && popover.state.pos.r === item.index && popover.state.mode !== "open";
              return (
                <MatrixBodyRow
                  key={slotKey(item.index, flow, row.id)}
                  row={row}
                  r={item.index}
                  top={top}
                  leaf={leaf}
                  widths={widths}
                  model={model}
                  highlight={state.highlightDifferences}
                  tabCol={tab.r === item.index ? tab.c : -1}
                  describedCol={here ? popover.state!.pos.c : -1}
                  popoverId={popoverId}
                  {...slice}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      {popover.state && popover.cell ? (
        <CitationPopover
          key={posKey(popover.state.pos)}
          id={popoverId}
          cell={popover.cell}
          mode={popover.state.mode}
          anchor={() => nav.gridRef.current?.querySelector(`[data-pos="${posKey(popover.state!.pos)}"]`) ?? null}
          container={wrapRef}
          onClose={popover.close}
          onPointerEnter={popover.keepOpen}
          onPointerLeave={popover.onMouseLeave}
        />
      ) : null}
    </div>
  );
});
