"use client";

import { arrangedDimensions, moveDimension, moveFramework, toggleItem } from "@/lib/matrix/arrange";
import type { MatrixModel } from "@/lib/matrix/types";
import { ArrangePanel } from "./arrange-panel";
import type { ViewPatch } from "./use-view-state";

export type MatrixArrangeProps = { model: MatrixModel; onChange: (patch: ViewPatch) => void };

/** Hide, show and reorder frameworks and dimensions (whichever are rows or columns). */
export function MatrixArrange({ model, onChange }: MatrixArrangeProps) {
  const { prepared: p, state } = model;
  const { frameworks, dimensions } = p.data;
  const hiddenF = new Set(state.hiddenFrameworks);
  const hiddenD = new Set(state.hiddenDimensions);
  const inSelection = (slug: string) =>
    p.frameworkIndex.has(slug) && (state.scope !== null || state.frameworks.includes(slug));
  // The lists are built only while a panel is open: the closed panels need the hidden counts alone.
  const frameworkItems = () => {
    const slugs = state.scope ? frameworks.map((f) => f.slug) : state.frameworks.filter((s) => p.frameworkIndex.has(s));
    return slugs.map((slug) => {
      const f = frameworks[p.frameworkIndex.get(slug)!]!;
      return { id: slug, label: f.acronym ? `${f.acronym} — ${f.name}` : f.name, shown: !hiddenF.has(slug) };
    });
  };
  const dimensionItems = () =>
    arrangedDimensions(p, state).map((key) => {
      const d = dimensions[p.dimensionIndex.get(key)!]!;
      return { id: key, label: d.label, group: d.group, shown: !hiddenD.has(key) };
    });
  const sortedHint = (sorted: boolean) =>
    sorted ? "A sort is on: the order below applies when it is off." : undefined;
  return (
    <>
      <ArrangePanel
        title="Frameworks"
        items={frameworkItems}
        hidden={state.hiddenFrameworks.filter(inSelection).length}
        movable={!state.scope}
        hint={sortedHint(state.frameworkSort !== null)}
        onToggle={(slug) => onChange((s) => ({ hiddenFrameworks: toggleItem(s.hiddenFrameworks, slug) }))}
        onMove={(slug, delta) => onChange((s) => ({ frameworks: moveFramework(s.frameworks, slug, delta) }))}
        onShowAll={() => onChange({ hiddenFrameworks: [] })}
      />
      <ArrangePanel
        title="Dimensions"
        items={dimensionItems}
        hidden={state.hiddenDimensions.filter((k) => p.dimensionIndex.has(k)).length}
        movable
        hint={sortedHint(state.dimensionSort !== null)}
        onToggle={(key) => onChange((s) => ({ hiddenDimensions: toggleItem(s.hiddenDimensions, key) }))}
        onMove={(key, delta) => onChange((s) => ({ dimensionOrder: moveDimension(p, s, key, delta) }))}
        onShowAll={() => onChange({ hiddenDimensions: [] })}
      />
    </>
  );
}
