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

export type NoticeKind = "malformed" | "ignored" | "capped";
export type Notice = { kind: NoticeKind; message: string };

export type { TypedValue };
