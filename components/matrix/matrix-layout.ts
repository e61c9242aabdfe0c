import type { MatrixColumn, MatrixRow } from "@/lib/matrix/types";

/** Fixed geometry of the matrix: fixed sizes let both virtualizers place items without measuring. */
export const LABEL_WIDTH = 240;
/** The label column on narrow screens. */
export const NARROW_LABEL_WIDTH = 132;
export const FRAMEWORK_COLUMN_WIDTH = 184;
export const DIMENSION_COLUMN_WIDTH = 168;
export const COLLAPSED_GROUP_WIDTH = 44;
export const ROW_HEIGHT = 56;
export const GROUP_ROW_HEIGHT = 36;
export const HEADER_HEIGHT = 64;
export const GROUP_BAND_HEIGHT = 32;
/** Size assumed before the browser measures the scroll area (server render and first client render). */
export const INITIAL_RECT = { width: 1160, height: 640 };

export const columnWidth = (column: MatrixColumn) =>
  column.kind === "group"
    ? COLLAPSED_GROUP_WIDTH
    : column.kind === "framework"
      ? FRAMEWORK_COLUMN_WIDTH
      : DIMENSION_COLUMN_WIDTH;

export const rowHeight = (row: MatrixRow | undefined) => (row?.kind === "group" ? GROUP_ROW_HEIGHT : ROW_HEIGHT);

/**
 * A short label for a framework: its acronym, else a short name in parentheses ("Warsaw Treaty
 * Organization (Warsaw Pact)" -> "Warsaw Pact"), else the name without a parenthesis.
 */
export function shortName(f: { name: string; acronym: string | null }): string {
  if (f.acronym) return f.acronym;
  const match = f.name.match(/^(.*?)\s*\(([^)]*)\)\s*$/);
  if (!match) return f.name;
  const [, before = "", inside = ""] = match;
  return inside.length <= 24 ? inside : before || f.name;
}
