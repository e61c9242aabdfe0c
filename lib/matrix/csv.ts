import { toCsv } from "@/lib/csv";
import { buildMatrix } from "./model";
import { rawAt } from "./prepare";
import type { MatrixModel, PreparedMatrix, ViewState } from "./types";
import { csvValue } from "./values";

/**
 * The comparison as it is viewed, as table rows: what is sorted, filtered or hidden on screen is
 * so in the file. Collapsed groups are only folded on screen, so their dimensions are included.
 */
export function matrixTable(p: PreparedMatrix, state: ViewState): string[][] {
  const model = buildMatrix(p, { ...state, collapsedGroups: [] });
  const { frameworks, dimensions } = p.data;
  if (state.transpose) {
    const dims = model.dimensions;
    const header = ["Framework", ...dims.map((d) => dimensions[d]!.label)];
    const body = model.rows.flatMap((row) =>
      row.kind === "framework"
        ? [[row.framework.name, ...dims.map((d) => csvValue(dimensions[d]!, rawAt(p, row.f, d)))]]
        : [],
    );
    return [header, ...body];
  }
  const header = ["Group", "Dimension", ...model.frameworks.map((f) => frameworks[f]!.name)];
  const body = model.rows.flatMap((row) =>
    row.kind === "dimension"
      ? [
          [
            row.dimension.group,
            row.dimension.label,
            ...model.frameworks.map((f) => csvValue(row.dimension, rawAt(p, f, row.d))),
          ],
        ]
      : [],
  );
  return [header, ...body];
}

/** RFC 4180 CSV of the viewed comparison, UTF-8 with a byte-order mark for spreadsheet apps. */
export function matrixCsv(p: PreparedMatrix, state: ViewState): string {
  return toCsv(matrixTable(p, state), true);
}

/** A download file name such as "comparison-nato-aukus-quad.csv". */
export function csvFileName(model: Pick<MatrixModel, "prepared" | "frameworks">): string {
  const slugs = model.frameworks.map((f) => model.prepared.data.frameworks[f]!.slug);
  const stem = slugs.length > 4 ? `${slugs.slice(0, 3).join("-")}-and-${slugs.length - 3}-more` : slugs.join("-");
  return `comparison-${stem || "empty"}.csv`;
}
