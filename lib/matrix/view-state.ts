import type { CatalogScope, MatrixSelection, SortSpec, ViewState } from "./types";

// The view state's constants, defaults and canonical URL form. Reading a URL (which needs zod) is
// in parse-view-state.ts, so the browser's bundle of the comparison page carries no schema library.

/** The most frameworks a hand-picked comparison holds (columns stay readable, URLs stay short). */
export const MAX_FRAMEWORKS = 50;
/** Longest row filter text kept. */
export const MAX_FILTER_LENGTH = 100;
/** Sort keys that are not a dimension or a framework (neither can start with "_"). */
export const SORT_BY_NAME = "_name";
export const SORT_BY_LABEL = "_label";

/** A fresh default view state (nothing selected). */
export const defaultViewState = (): ViewState => ({
  frameworks: [],
  scope: null,
  transpose: false,
  dimensionOrder: [],
  hiddenDimensions: [],
  hiddenFrameworks: [],
  collapsedGroups: [],
  frameworkSort: null,
  dimensionSort: null,
  filter: "",
  highlightDifferences: false,
  hideEqual: false,
  virtual: true,
});

/** Lower-case, hyphenated id of a dimension group, as the URL carries it ("Capabilities and industry" -> "capabilities-and-industry"). */
export function groupIdOf(group: string): string {
  return (
    group
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "group"
  );
}

/** Catalog filter fields of a scope, in the order the canonical URL lists them. */
export const SCOPE_KEYS = [
  "q",
  "kind",
  "region",
  "status",
  "country",
] as const satisfies readonly (keyof CatalogScope)[];

const enc = (v: string) => encodeURIComponent(v);
const encList = (items: string[]) => items.map(enc).join(",");
const encSort = (s: SortSpec) => `${s.desc ? "-" : ""}${s.by}`;

/**
 * The canonical query string of a view state (no leading "?"): defaults are left out and
 * parameters come in a fixed order, so equal states give equal strings. Lists keep literal commas.
 */
export function serializeViewState(state: ViewState): string {
  const parts: string[] = [];
  const put = (key: string, value: string | null | false | undefined) => {
    if (value) parts.push(`${key}=${value}`);
  };
  if (state.scope) {
    put("all", "1");
    for (const field of SCOPE_KEYS) {
      const value = state.scope[field];
      if (value) put(field, enc(value));
    }
  } else put("fw", encList(state.frameworks));
  put("transpose", state.transpose && "1");
  put("fsort", state.frameworkSort && encSort(state.frameworkSort));
  put("dsort", state.dimensionSort && encSort(state.dimensionSort));
  put("dorder", encList(state.dimensionOrder));
  put("dhide", encList(state.hiddenDimensions));
  put("fhide", encList(state.hiddenFrameworks));
  put("collapsed", encList(state.collapsedGroups));
  put("filter", state.filter && enc(state.filter));
  put("diff", state.highlightDifferences && "1");
  put("equal", state.hideEqual && "hide");
  put("virtual", !state.virtual && "0");
  return parts.join("&");
}

/** True when the view compares something (a list or a catalog scope). */
export function hasSelection(state: ViewState): boolean {
  return state.scope !== null || state.frameworks.length > 0;
}

/** The frameworks a view compares, as the loader reads them. */
export function selectionOf(state: Pick<ViewState, "frameworks" | "scope">): MatrixSelection {
  return state.scope ? { scope: state.scope } : { frameworks: state.frameworks };
}

/** The canonical query string of a selection alone (the URL form of /compare, nothing else). */
export function selectionQuery(selection: MatrixSelection): string {
  return serializeViewState({
    ...defaultViewState(),
    ...("scope" in selection ? { scope: selection.scope } : { frameworks: selection.frameworks }),
  });
}
