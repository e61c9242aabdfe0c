import type { Kind, Region, Status, ValueType } from "@/lib/catalog/constants";
import type { SourceInput, TypedValue } from "@/lib/catalog/schema";

/** A framework as the matrix needs it: identity, dates for the timeline, members for the overlap. */
export type MatrixFramework = {
  slug: string;
  name: string;
  acronym: string | null;
  kind: Kind;
  region: Region;
  status: Status;
  founded: string | null;
  ended: string | null;
  /**
   * Country codes of the full members (today, or at the end for a defunct framework), sorted.
   * null when the loader skipped memberships (selections too large for the charts).
   */
  members: string[] | null;
};

export type MatrixDimension = {
  key: string;
  label: string;
  group: string;
  valueType: ValueType;
  options: string[];
  description: string | null;
};

/** A cell citation; the matrix shows titles and publishers, not source types (see the framework page). */
export type MatrixSource = Omit<SourceInput, "type">;

/**
 * Everything the matrix model reads, in a compact columnar shape: cell (f, d) lives at index
 * `f * dimensions.length + d` of `values`, `notes` and `citations`. Frameworks are in selection
 * order, dimensions in catalog order. Citations point into the de-duplicated `sources`.
 */
export type MatrixData = {
  frameworks: MatrixFramework[];
  dimensions: MatrixDimension[];
  /** Canonical stored text of each value (see encodeValue), null when the catalog has none. */
  values: (string | null)[];
  /**
   * Whether notes and citations were loaded. Large selections leave them out (empty arrays):
   * they would multiply the payload, and a popover fetches one framework's details on demand.
   */
  details: boolean;
  notes: (string | null)[];
  citations: (number[] | null)[];
  sources: MatrixSource[];
};

/** Which frameworks a view compares: an explicit list, or every framework matching catalog filters. */
export type CatalogScope = {
  q?: string;
  kind?: Kind;
  region?: Region;
  status?: Status;
  country?: string;
};

/** What a comparison loads: hand-picked frameworks (in order), or every framework matching a catalog scope. */
export type MatrixSelection = { frameworks: string[] } | { scope: CatalogScope };

export type SortSpec = { by: string; desc: boolean };

/**
 * The full view state of a comparison; it round-trips through the /compare URL and is what a
 * saved comparison stores. Framework and dimension lists are ordered.
 */
export type ViewState = {
  frameworks: string[];
  scope: CatalogScope | null;
  transpose: boolean;
  dimensionOrder: string[];
  hiddenDimensions: string[];
  hiddenFrameworks: string[];
  collapsedGroups: string[];
  /** Order of the frameworks: by a dimension key or "name"; null keeps the selection order. */
  frameworkSort: SortSpec | null;
  /** Order of the dimensions within their groups: by a framework slug or "label"; null keeps catalog order. */
  dimensionSort: SortSpec | null;
  filter: string;
  highlightDifferences: boolean;
  hideEqual: boolean;
  /** Render every row and column (benchmark switch; printing does the same on its own). */
  virtual: boolean;
};

// The matrix view: prepared data and the model built from it (lib/matrix/prepare.ts, model.ts,
// order.ts, search.ts). Kept here, with the data types, so those modules import types from one
// place instead of from each other.

/** A sort key: numbers compare as numbers, text as collation keys (see lib/matrix/values.ts). */
export type SortKey = number | string;

/** How the values of one dimension spread over the shown frameworks. */
export type DimensionStats = {
  /** Every shown framework has the same value (a missing value counts as a value); needs two or more frameworks. */
  equal: boolean;
  /** The most frequent stored value (first seen wins a tie). */
  modal: string | null;
  /** How many shown frameworks hold the modal value. */
  modalCount: number;
  /** Number of distinct values, missing included. */
  distinct: number;
};

/**
 * The stored values as numbers: each distinct text once in `dictionary`, and per cell its index
 * there (-1: no value). Most values repeat ("true", an enum option), so everything derived from a
 * value (shown text, filter text, sort key) is worked out once per distinct value and dimension,
 * not once per cell, and value statistics count small integers instead of comparing strings.
 */
export type ValueCoding = { dictionary: string[]; codes: Int32Array };

/**
 * Matrix data with its lookups, built once per data set. It also carries caches for the costly
 * stages (value statistics, filter text, row and column entries) so that re-deriving a view after
 * a sort or a toggle touches only what changed; the caches never change a result, only its cost.
 */
export type PreparedMatrix = ValueCoding & {
  data: MatrixData;
  /** Number of dimensions: the stride of the value arrays. */
  stride: number;
  frameworkIndex: Map<string, number>;
  dimensionIndex: Map<string, number>;
  /** Group id of each dimension (by dimension index). */
  groupIds: string[];
  cache: {
    statsKey?: string;
    stats?: (DimensionStats | undefined)[];
    /** Shown text of value `code` in dimension d, at `code * stride + d`. */
    display?: Map<number, string>;
    /** Codes present in each dimension (by dimension index), for the filter. */
    distinct?: Int32Array[];
    /** Lower-case filter text of each distinct value (`texts`), with its `code * stride + d` (`keys`). */
    search?: { keys: number[]; texts: string[] };
    /** Scratch tables of the filter (one per term), reused so typing does not churn megabytes. */
    hitTables?: Uint8Array[];
    /** Dimensions whose filter texts are in `search` so far. */
    searchDone?: number;
    labels?: { frameworks: string[]; dimensions: string[] };
    /** Sort keys of every framework's value in a dimension (by dimension index), or of names (-1). */
    sortKeys?: Map<number, (SortKey | null)[]>;
    /** Row and column entries of the model, reused by every view (stable identities, less garbage). */
    frameworkEntries?: (Extract<MatrixRow, { kind: "framework" }> | undefined)[];
    dimensionEntries?: (Extract<MatrixColumn, { kind: "dimension" }> | undefined)[];
  };
};

export type MatrixGroup = {
  id: string;
  label: string;
  /** Shown dimensions of the group, in display order (also when the group is collapsed). */
  dimensions: number[];
  collapsed: boolean;
};

export type MatrixRow =
  | { kind: "group"; id: string; group: MatrixGroup }
  | { kind: "dimension"; id: string; d: number; dimension: MatrixDimension; groupId: string }
  | { kind: "framework"; id: string; f: number; framework: MatrixFramework };

export type MatrixColumn =
  | { kind: "framework"; id: string; f: number; framework: MatrixFramework }
  | { kind: "dimension"; id: string; d: number; dimension: MatrixDimension; groupId: string }
  /** A collapsed group when dimensions are columns: one narrow placeholder column. */
  | { kind: "group"; id: string; group: MatrixGroup };

export type MatrixCell = {
  framework: MatrixFramework;
  dimension: MatrixDimension;
  raw: string | null;
  value: TypedValue | null;
  display: string;
  /** False when the data left notes and citations out (large selections): fetch them to show them. */
  details: boolean;
  note: string | null;
  sources: MatrixSource[];
  /**
   * The dimension's values differ across the shown frameworks and this cell stands out: it is not
   * the most common value, or no value is held by more than one framework.
   */
  differs: boolean;
};

/** A view of prepared data (see buildMatrix in lib/matrix/model.ts). */
export type MatrixModel = {
  prepared: PreparedMatrix;
  state: ViewState;
  /** Shown frameworks (selected, not hidden), in display order. */
  frameworks: number[];
  /** Shown dimensions (not hidden, not dropped as equal), grouped, in display order, collapsed ones included. */
  dimensions: number[];
  groups: MatrixGroup[];
  rows: MatrixRow[];
  columns: MatrixColumn[];
  stats: (DimensionStats | undefined)[];
  counts: { equal: number; hiddenEqual: number; filteredOut: number };
  cellAt: (f: number, d: number) => MatrixCell;
  cell: (row: MatrixRow, column: MatrixColumn) => MatrixCell | null;
  /** The framework and dimension index a row and column meet at, if they hold a value cell. */
  locate: (row: MatrixRow, column: MatrixColumn) => { f: number; d: number } | null;
  /** Cheap parts of a cell for rendering many of them: shown text, whether it differs, citations. */
  displayAt: (f: number, d: number) => string;
  differsAt: (f: number, d: number) => boolean;
  citationCountAt: (f: number, d: number) => number;
};

export type NoticeKind = "malformed" | "ignored" | "capped";
export type Notice = { kind: NoticeKind; message: string };

export type { TypedValue };
