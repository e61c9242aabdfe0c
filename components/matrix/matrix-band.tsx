"use client";

import type { Header } from "@tanstack/react-table";
import type { MatrixModel, MatrixRow } from "@/lib/matrix/model";
import { GROUP_BAND_HEIGHT, LABEL_WIDTH } from "./matrix-layout";
import type { MatrixFeatures } from "./matrix-table";

export type MatrixBandProps = {
  /** The table's top header group (group headers over the dimension columns). */
  headers: Header<MatrixFeatures, MatrixRow, unknown>[];
  model: MatrixModel;
  width: number;
  onToggleGroup: (groupId: string) => void;
};

/**
 * Dimension groups above the columns when dimensions are columns: each spans its columns and
 * collapses them. Collapsed groups are folded into a narrow column that expands them again.
 */
export function MatrixBand({ headers, model, width, onToggleGroup }: MatrixBandProps) {
  const groups = new Map(model.groups.map((g) => [`band:${g.id}`, g]));
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring a legend and form semantics; this is a toolbar-like band.
    <div
      className="matrix-band"
      role="group"
      aria-label="Dimension groups"
      style={{ width, height: GROUP_BAND_HEIGHT }}
    >
      <div className="matrix-band__corner" style={{ width: LABEL_WIDTH }} />
      {headers.map((header) => {
        const group = groups.get(header.column.id);
        if (!group || group.collapsed) return null;
        return (
          <div
            key={header.id}
            className="matrix-band__group"
            style={{ left: header.getStart(), width: header.getSize() }}
          >
            <button type="button" className="matrix-band__toggle" aria-expanded onClick={() => onToggleGroup(group.id)}>
              <span aria-hidden="true">▾</span> {group.label} <span className="count">({group.dimensions.length})</span>
            </button>
          </div>
        );
      })}
    </div>
  );
}
