"use client";

import { type ReactNode, useCallback, useEffect, useMemo } from "react";
import { CHART_LIMIT, timelineOf } from "@/lib/matrix/charts";
import { csvFileName, matrixCsv } from "@/lib/matrix/csv";
import { buildMatrix } from "@/lib/matrix/model";
import { warmSearchTexts } from "@/lib/matrix/search";
import type { Notice, ViewState } from "@/lib/matrix/types";
import { defaultViewState, hasSelection } from "@/lib/matrix/view-state";
import { CompareEmptyState, type CompareEmptyStateProps } from "./compare-empty-state";
import { FrameworkPicker } from "./framework-picker";
import { MatrixGrid } from "./matrix-grid";
import { MatrixNotices } from "./matrix-notices";
import { MatrixSummary } from "./matrix-summary";
import { MatrixToolbar } from "./matrix-toolbar";
import { OverlapHeatmap } from "./overlap-heatmap";
import { TimelineChart } from "./timeline-chart";
import { usePreparedMatrix } from "./use-prepared-matrix";
import { useViewState } from "./use-view-state";

export type CompareViewProps = {
  initialState: ViewState;
  notices: Notice[];
  /** The matrix data of the selection, packed (lib/matrix/payload), as the page loaded it. */
  payload: string;
  /** GET /api/compare/options: the picker's list of every framework, loaded when needed. */
  optionsPath: string;
  /** What the empty state offers (when nothing is selected). */
  emptyState: CompareEmptyStateProps;
  /** The server's date (YYYY-MM-DD), where running frameworks end on the timeline. */
  today: string;
  /** The "save comparison" control, supplied by the page once accounts exist. */
  saveSlot?: ReactNode;
};

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Marks the comparison as hydrated (`data-live`): until then the page shows the server's HTML and
 * does not react to input. Set on the element, not through state: no render for it.
 */
const markLive = (element: HTMLDivElement | null) => {
  if (element) element.dataset.live = "true";
};

/**
 * The /compare page's interactive part: picker, notices, toolbar, matrix and charts, all drawn
 * from the data the page hands over (`payload`). The server renders it into the page's HTML, and
 * the browser hydrates that HTML from the same props: one string to decode, no request of its own.
 */
export function CompareView({
  payload,
  initialState,
  notices,
  optionsPath,
  emptyState,
  today,
  saveSlot,
}: CompareViewProps) {
  const prepared = usePreparedMatrix(payload);
  const { data } = prepared;
  const { state, update, navigate, pending } = useViewState(initialState);
  const model = useMemo(() => buildMatrix(prepared, state), [prepared, state]);

  // Build the filter index in idle slices, so the first keystroke in the filter is fast and no
  // long task blocks the page meanwhile.
  useEffect(() => {
    let handle: ReturnType<typeof setTimeout>;
    const slice = () => {
      if (!warmSearchTexts(prepared, 8)) handle = setTimeout(slice, 16);
    };
    handle = setTimeout(slice, 200);
    return () => clearTimeout(handle);
  }, [prepared]);

  // The charts draw up to CHART_LIMIT frameworks; beyond that they only say so, and nothing is computed.
  const chartable = model.frameworks.length <= CHART_LIMIT;
  const shownKey = chartable ? model.frameworks.join(",") : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the shown frameworks, not by every rebuild of the model.
  const shown = useMemo(() => (chartable ? model.frameworks.map((f) => data.frameworks[f]!) : []), [shownKey, data]);
  const timeline = useMemo(() => timelineOf(shown, today), [shown, today]);
  const toggleGroup = useCallback(
    (id: string) =>
      update((s) => ({
        collapsedGroups: s.collapsedGroups.includes(id)
          ? s.collapsedGroups.filter((g) => g !== id)
          : [...s.collapsedGroups, id],
      })),
    [update],
  );
  const onViewChange = useCallback((patch: Partial<ViewState>) => update(patch), [update]);

  return (
    <div className="compare" ref={markLive}>
      <FrameworkPicker
        optionsPath={optionsPath}
        known={data.frameworks}
        selected={state.frameworks}
        scope={state.scope}
        scopeCount={data.frameworks.length}
        pending={pending}
        onChange={(frameworks) => navigate({ frameworks, scope: null })}
        onClearScope={() => navigate({ scope: null, frameworks: [] })}
      />
      <MatrixNotices notices={notices} />
      {!hasSelection(state) ? (
        <CompareEmptyState {...emptyState} />
      ) : (
        <>
          <MatrixToolbar
            model={model}
            onChange={update}
            saveSlot={saveSlot}
            onDownload={() => download(matrixCsv(prepared, state), csvFileName(model))}
            onReset={() => update({ ...defaultViewState(), frameworks: state.frameworks, scope: state.scope })}
          />
          <MatrixSummary model={model} />
          {model.rows.length && model.columns.length ? (
            <MatrixGrid model={model} onViewChange={onViewChange} onToggleGroup={toggleGroup} />
          ) : (
            <p className="empty-state matrix-empty">
              Nothing to show with these settings.{" "}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => update({ filter: "", hideEqual: false, hiddenFrameworks: [], hiddenDimensions: [] })}
              >
                Show everything again
              </button>
            </p>
          )}
          <div className={model.frameworks.length > 8 ? "compare-charts compare-charts--stacked" : "compare-charts"}>
            <section aria-labelledby="overlap-heading" className="chart">
              <h2 id="overlap-heading">Membership overlap</h2>
              <p className="muted">
                Countries that are full members of both frameworks (today, or at the end for defunct ones). Select a
                cell to list them.
              </p>
              <OverlapHeatmap frameworks={shown} count={model.frameworks.length} />
            </section>
            <section aria-labelledby="timeline-heading" className="chart">
              <h2 id="timeline-heading">Timeline</h2>
              <p className="muted">From founding (signature) to end; running frameworks reach today.</p>
              <TimelineChart timeline={timeline} count={model.frameworks.length} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
