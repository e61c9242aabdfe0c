"use client";

import { memo, useDeferredValue } from "react";
import { formatNumber } from "@/lib/catalog/format";
import type { MatrixModel } from "@/lib/matrix/types";

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** One line on what the matrix shows, announced politely when it changes (e.g. while filtering). */
export const MatrixSummary = memo(function MatrixSummary({ model }: { model: MatrixModel }) {
  const { counts, state } = model;
  // The equal count reads every shown cell: it follows the first paint in a background render.
  const settled = useDeferredValue<MatrixModel | null>(model, null);
  const equal = settled?.counts.equal ?? 0;
  const parts = [
    `${plural(model.frameworks.length, "framework")} × ${plural(model.dimensions.length, "dimension")}`,
    equal ? `${equal} equal across all` : null,
    counts.hiddenEqual ? `${counts.hiddenEqual} equal hidden` : null,
    state.filter ? `${plural(counts.filteredOut, state.transpose ? "framework" : "dimension")} filtered out` : null,
  ];
  return (
    <p className="matrix-summary muted" role="status" aria-live="polite" data-testid="matrix-summary">
      {parts.filter(Boolean).join(" · ")}
    </p>
  );
});
