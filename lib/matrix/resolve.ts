import type { MatrixData, Notice, ViewState } from "./types";
import { groupIdOf, SORT_BY_LABEL, SORT_BY_NAME } from "./view-state";

const list = (items: string[]) => {
  const shown = items.slice(0, 8).join(", ");
  return items.length > 8 ? `${shown} and ${items.length - 8} more` : shown;
};

/**
 * Checks a parsed view state against the loaded data: framework slugs, dimension keys and group
 * ids the catalog does not have are dropped and named in notices, so the page shows what it can
 * and the canonical URL no longer carries them.
 */
export function resolveViewState(state: ViewState, data: MatrixData): { state: ViewState; notices: Notice[] } {
  const notices: Notice[] = [];
  const slugs = new Set(data.frameworks.map((f) => f.slug));
  const keys = new Set(data.dimensions.map((d) => d.key));
  const groups = new Set(data.dimensions.map((d) => groupIdOf(d.group)));
  const ignored = (what: string, items: string[]) => {
    if (items.length) notices.push({ kind: "ignored", message: `Ignored unknown ${what}: ${list(items)}.` });
  };

  const unknownFrameworks = state.scope ? [] : state.frameworks.filter((s) => !slugs.has(s));
  ignored(unknownFrameworks.length === 1 ? "framework" : "frameworks", unknownFrameworks);
  const unknownKeys = [...new Set([...state.dimensionOrder, ...state.hiddenDimensions])].filter((k) => !keys.has(k));
  ignored(unknownKeys.length === 1 ? "dimension" : "dimensions", unknownKeys);
  const unknownGroups = state.collapsedGroups.filter((g) => !groups.has(g));
  ignored(unknownGroups.length === 1 ? "dimension group" : "dimension groups", unknownGroups);
  const unknownHidden = state.hiddenFrameworks.filter((s) => !slugs.has(s));
  ignored("hidden frameworks (not in the comparison)", unknownHidden);

  let { frameworkSort, dimensionSort } = state;
  if (frameworkSort && frameworkSort.by !== SORT_BY_NAME && !keys.has(frameworkSort.by)) {
    ignored("sort dimension", [frameworkSort.by]);
    frameworkSort = null;
  }
  if (dimensionSort && dimensionSort.by !== SORT_BY_LABEL && !slugs.has(dimensionSort.by)) {
    ignored("sort framework", [dimensionSort.by]);
    dimensionSort = null;
  }

  return {
    state: {
      ...state,
      frameworks: state.scope ? [] : state.frameworks.filter((s) => slugs.has(s)),
      dimensionOrder: state.dimensionOrder.filter((k) => keys.has(k)),
      hiddenDimensions: state.hiddenDimensions.filter((k) => keys.has(k)),
      hiddenFrameworks: state.hiddenFrameworks.filter((s) => slugs.has(s)),
      collapsedGroups: state.collapsedGroups.filter((g) => groups.has(g)),
      frameworkSort,
      dimensionSort,
    },
    notices,
  };
}
