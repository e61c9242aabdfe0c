import type { MatrixRowView, MatrixView } from "./types";

/** One printable slice of a matrix: the row-label column plus some of the value columns. */
export type MatrixSlice = {
  /** "" for a matrix that fits, otherwise e.g. "columns 1–6 of 14". */
  part: string;
  columns: string[];
  rows: MatrixRowView[];
};

/**
 * Splits a wide matrix into slices of at most `maxColumns` value columns (the label column is
 * repeated), so a page-bound format (PDF, DOCX) never squeezes 20 frameworks into one table.
 */
export function sliceMatrix(matrix: MatrixView, maxColumns: number): MatrixSlice[] {
  const total = matrix.columns.length;
  if (total <= maxColumns) return [{ part: "", columns: matrix.columns, rows: matrix.rows }];
  // Balanced slices: 6 columns at 5 a slice become 3 + 3, not 5 + 1.
  const size = Math.ceil(total / Math.ceil(total / maxColumns));
  const slices: MatrixSlice[] = [];
  for (let start = 0; start < total; start += size) {
    const end = Math.min(total, start + size);
    slices.push({
      part: `columns ${start + 1}–${end} of ${total}`,
      columns: matrix.columns.slice(start, end),
      rows: matrix.rows.map((r) => (r.kind === "group" ? r : { ...r, cells: r.cells.slice(start, end) })),
    });
  }
  return slices;
}
