"use client";

import { type ReactNode, useDeferredValue } from "react";
import type { MatrixModel } from "@/lib/matrix/types";
import { MAX_FILTER_LENGTH } from "@/lib/matrix/view-state";
import { ColumnOrder } from "./column-order";
import { MatrixArrange } from "./matrix-arrange";
import type { ViewPatch } from "./use-view-state";

export type MatrixToolbarProps = {
  model: MatrixModel;
  onChange: (patch: ViewPatch) => void;
  onDownload: () => void;
  onReset: () => void;
  /** Where the "save comparison" control goes (wired by the accounts work). */
  saveSlot?: ReactNode;
};

/** View controls of the matrix: filter, transpose, differences, ordering, arrangement, export. */
export function MatrixToolbar({ model, onChange, onDownload, onReset, saveSlot }: MatrixToolbarProps) {
  const { state } = model;
  const rowsAre = state.transpose ? "columns" : "rows";
  // Counting equal rows reads every shown cell (a few ms, more while the code is still cold): it
  // follows the first paint in a background render instead of delaying it.
  const settled = useDeferredValue<MatrixModel | null>(model, null);
  return (
    <div className="matrix-toolbar" data-testid="matrix-toolbar">
      <div className="matrix-toolbar__line">
        <div className="field field--grow">
          <label htmlFor="matrix-filter">{state.transpose ? "Filter frameworks" : "Filter dimensions"}</label>
          <input
            id="matrix-filter"
            type="search"
            value={state.filter}
            maxLength={MAX_FILTER_LENGTH}
            placeholder="A label or a value, e.g. consensus"
            autoComplete="off"
            onChange={(e) => onChange({ filter: e.target.value })}
          />
        </div>
        <ColumnOrder model={model} onChange={onChange} />
        <MatrixArrange model={model} onChange={onChange} />
      </div>
      <div className="matrix-toolbar__line">
        <button
          type="button"
          className="button button--toggle"
          aria-pressed={state.transpose}
          onClick={() => onChange((s) => ({ transpose: !s.transpose }))}
        >
          <span aria-hidden="true">⇄</span> Transpose
        </button>
        <label className="check">
          <input
            type="checkbox"
            checked={state.highlightDifferences}
            onChange={(e) => onChange({ highlightDifferences: e.target.checked })}
          />
          Highlight differences
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={state.hideEqual}
            onChange={(e) => onChange({ hideEqual: e.target.checked })}
          />
          Hide {rowsAre} where all values are equal
          {settled ? <span className="count"> ({settled.counts.equal})</span> : null}
        </label>
        <span className="matrix-toolbar__spacer" />
        <button type="button" className="button button--quiet" onClick={onReset}>
          Reset view
        </button>
        <button type="button" className="button" onClick={onDownload}>
          Download CSV
        </button>
        {saveSlot}
      </div>
    </div>
  );
}
