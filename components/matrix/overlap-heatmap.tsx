"use client";

import { useMemo, useState } from "react";
import { countryName } from "@/lib/catalog/countries";
import { CHART_LIMIT, membershipOverlap } from "@/lib/matrix/charts";
import type { MatrixFramework } from "@/lib/matrix/types";
import { shortName } from "./matrix-layout";

export type OverlapHeatmapProps = {
  frameworks: MatrixFramework[];
  /** How many frameworks are shown in all (the charts leave out selections over CHART_LIMIT). */
  count: number;
};

/**
 * Countries in common between each pair of frameworks, as a table of buttons shaded by count
 * (the table is its own text alternative). A cell lists the shared countries below it.
 */
export function OverlapHeatmap({ frameworks, count }: OverlapHeatmapProps) {
  const overlap = useMemo(
    () => (frameworks.length <= CHART_LIMIT ? membershipOverlap(frameworks) : null),
    [frameworks],
  );
  const [selected, setSelected] = useState<{ a: string; b: string } | null>(null);
  if (count > CHART_LIMIT)
    return <ChartNote>The membership overlap is drawn for up to {CHART_LIMIT} frameworks.</ChartNote>;
  if (frameworks.length < 2)
    return <ChartNote>Select two or more frameworks to see their membership overlap.</ChartNote>;
  if (!overlap) return <ChartNote>The membership overlap is drawn for up to {CHART_LIMIT} frameworks.</ChartNote>;

  const index = new Map(frameworks.map((f, i) => [f.slug, i]));
  const i = selected ? index.get(selected.a) : undefined;
  const j = selected ? index.get(selected.b) : undefined;
  const shared = i !== undefined && j !== undefined ? overlap.countries(i, j) : null;
  const label = (a: number, b: number) => {
    const n = overlap.counts[a]![b]!;
    const fa = shortName(frameworks[a]!);
    return a === b
      ? `${fa}: ${n} full members`
      : `${fa} and ${shortName(frameworks[b]!)}: ${n} ${n === 1 ? "country" : "countries"} in common`;
  };

  return (
    <>
      <div className="table-wrap heatmap-wrap">
        <table className="heatmap" data-testid="overlap-heatmap">
          <caption className="visually-hidden">Member countries in common, by pair of frameworks</caption>
          <thead>
            <tr>
              <td />
              {frameworks.map((f) => (
                <th key={f.slug} scope="col" className="heatmap__colhead">
                  <span title={f.name}>{shortName(f)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {frameworks.map((f, a) => (
              <tr key={f.slug}>
                <th scope="row" className="heatmap__rowhead" title={f.name}>
                  {shortName(f)}
                </th>
                {frameworks.map((g, b) => {
                  const n = overlap.counts[a]![b]!;
                  const heat = a === b ? 0 : overlap.max ? n / overlap.max : 0;
                  const pressed = i === a && j === b;
                  return (
                    <td key={g.slug}>
                      <button
                        type="button"
                        className={`heatmap__cell${a === b ? " heatmap__cell--self" : ""}${heat > 0.55 ? " heatmap__cell--dark" : ""}`}
                        style={
                          a === b
                            ? undefined
                            : { backgroundColor: `rgb(var(--heat-rgb) / ${(0.06 + heat * 0.84).toFixed(2)})` }
                        }
                        aria-label={label(a, b)}
                        aria-pressed={pressed}
                        onClick={() => setSelected(pressed ? null : { a: f.slug, b: g.slug })}
                      >
                        {n}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="heatmap-detail" aria-live="polite" data-testid="overlap-detail">
        {shared && i !== undefined && j !== undefined ? (
          <>
            <p className="heatmap-detail__title">
              {label(i, j)}
              {shared.length ? ":" : "."}
            </p>
            {shared.length ? (
              <ul className="heatmap-detail__list">
                {shared.map((code) => (
                  <li key={code}>
                    {countryName(code)} <span className="muted">{code}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p className="muted">Select a cell to list the countries.</p>
        )}
      </div>
    </>
  );
}

function ChartNote({ children }: { children: React.ReactNode }) {
  return <p className="muted chart-note">{children}</p>;
}
