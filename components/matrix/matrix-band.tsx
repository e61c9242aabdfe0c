"use client";

import type { Header } from "@tanstack/react-table";
import type { MatrixModel, MatrixRow } from "@/lib/matrix/types";
import { GROUP_BAND_HEIGHT } from "./matrix-layout";
import type { MatrixFeatures } from "./matrix-table";

export type MatrixBandProps = {
  /** The table's top header group (group headers over the dimension columns). */
  headers: Header<MatrixFeatures, MatrixRow, unknown>[];
  model: MatrixModel;
  /** Rendered width of each leaf column, label column first. */
  widths: number[];
  onToggleGroup: (groupId: string) => void;
};

/**
 * Dimension groups above the columns when dimensions are columns: each spans its columns and
 * collapses them. Collapsed groups are folded into a narrow column that expands them again.
 */
export function MatrixBand({ headers, model, widths, onToggleGroup }: MatrixBandProps) {
  const groups = new Map(model.groups.map((g) => [`band:${g.id}`, g]));
  const width = widths.reduce((sum, w) => sum + w, 0);
  // Top-level headers come in order and cover consecutive leaf columns: add up their widths.
  const spans = headers.reduce<{ left: number; width: number; next: number }[]>((acc, header) => {
    const first = acc.at(-1)?.next ?? 0;
    const next = first + header.colSpan;
    const sum = (from: number, to: number) => widths.slice(from, to).reduce((a, w) => a + w, 0);
    acc.push({ left: sum(0, first), width: sum(first, next), next });
    return acc;
  }, []);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a legend and form semantics; this is a toolbar-like band.
    <div
      className="matrix-band"
      role="group"
      aria-label="Dimension groups"
      style={{ width, height: GROUP_BAND_HEIGHT }}
    >
      <div className="matrix-band__corner" style={{ width: widths[0] }} />
      {headers.map((header, i) => {
        const group = groups.get(header.column.id);
        if (!group || group.collapsed) return null;
        return (
          <div key={header.id} className="matrix-band__group" style={{ left: spans[i]?.left, width: spans[i]?.width }}>
            <button
              type="button"
              className="matrix-band__toggle"
              style={{ left: (widths[0] ?? 0) + 4 }}
              aria-expanded
              onClick={() => onToggleGroup(group.id)}
            >
              <span aria-hidden="true">▾</span> {group.label} <span className="count">({group.dimensions.length})</span>
            </button>
          </div>
        );
      })}
    </div>
  );
}
