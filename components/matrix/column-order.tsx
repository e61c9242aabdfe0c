"use client";

import { memo, useId } from "react";
import { CHART_LIMIT } from "@/lib/matrix/charts";
import type { MatrixData, MatrixModel, SortSpec, ViewState } from "@/lib/matrix/types";
import { SORT_BY_LABEL, SORT_BY_NAME } from "@/lib/matrix/view-state";
import { shortName } from "./matrix-layout";

export type ColumnOrderProps = { model: MatrixModel; onChange: (patch: Partial<ViewState>) => void };

/**
 * Orders the columns by the values of one row: frameworks by a dimension, or (transposed)
 * dimensions by a framework. Rows are sorted from the column headers.
 */
export function ColumnOrder({ model, onChange }: ColumnOrderProps) {
  const id = useId();
  const { state, prepared } = model;
  const spec = state.transpose ? state.dimensionSort : state.frameworkSort;
  const set = (next: SortSpec | null) => onChange(state.transpose ? { dimensionSort: next } : { frameworkSort: next });
  return (
    <div className="field column-order">
      <label htmlFor={`${id}-by`}>
        {state.transpose ? "Order dimension columns by" : "Order framework columns by"}
      </label>
      <div className="column-order__controls">
        <select
          id={`${id}-by`}
          value={spec?.by ?? ""}
          onChange={(e) => set(e.target.value ? { by: e.target.value, desc: spec?.desc ?? false } : null)}
        >
          <SortOptions data={prepared.data} transpose={state.transpose} />
        </select>
        <select
          aria-label="Direction"
          value={spec?.desc ? "desc" : "asc"}
          disabled={!spec}
          onChange={(e) => spec && set({ ...spec, desc: e.target.value === "desc" })}
        >
          <option value="asc">Ascending</option>
          <option value="desc">Descending</option>
        </select>
      </div>
    </div>
  );
}

/**
 * The choices of the order select, which change only with the data and the orientation: memoized,
 * so sorting or filtering the matrix does not rebuild them.
 */
const SortOptions = memo(function SortOptions({ data, transpose }: { data: MatrixData; transpose: boolean }) {
  const { frameworks, dimensions } = data;
  const groups = [...new Set(dimensions.map((d) => d.group))];
  // Offered in the data's order (sorting rows must not reorder this list) and only for a
  // readable number of frameworks: a select of thousands of options is slow and useless.
  const offered = transpose ? frameworks.slice(0, CHART_LIMIT) : [];
  return transpose ? (
    <>
      <option value="">Catalog order</option>
      <option value={SORT_BY_LABEL}>Label</option>
      <optgroup label={frameworks.length > offered.length ? `Values of (first ${offered.length})` : "Values of"}>
        {offered.map((f) => (
          <option key={f.slug} value={f.slug}>
            {shortName(f)}
          </option>
        ))}
      </optgroup>
    </>
  ) : (
    <>
      <option value="">Selection order</option>
      <option value={SORT_BY_NAME}>Name</option>
      {groups.map((g) => (
        <optgroup key={g} label={g}>
          {dimensions
            .filter((d) => d.group === g)
            .map((d) => (
              <option key={d.key} value={d.key}>
                {d.label}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
});
