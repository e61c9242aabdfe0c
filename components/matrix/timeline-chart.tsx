"use client";

import { useId, useRef } from "react";
import { formatDate } from "@/lib/catalog/format";
import { CHART_LIMIT, type Timeline } from "@/lib/matrix/charts";
import { shortName } from "./matrix-layout";
import { useElementWidth } from "./use-element-width";

export type TimelineChartProps = { timeline: Timeline; count: number };

const LABEL = 150;
const ROW = 26;
const AXIS = 30;
const RIGHT = 16;

const span = (from: string | null, to: string | null) => `${formatDate(from)} – ${to ? formatDate(to) : "today"}`;
const clip = (text: string, max = 18) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Founding-to-end bars on a year axis (SVG, no chart library), with the same data as a table. */
export function TimelineChart({ timeline, count }: TimelineChartProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Drawn at the container's pixel width, so the text keeps its size at any width.
  const WIDTH = Math.max(360, useElementWidth(ref, 560));
  if (count > CHART_LIMIT)
    return <p className="muted chart-note">The timeline is drawn for up to {CHART_LIMIT} frameworks.</p>;
  const { entries, undated, from, to } = timeline;
  if (!entries.length) return <p className="muted chart-note">None of these frameworks has a founding date.</p>;
  const height = entries.length * ROW + AXIS;
  const x = (year: number) => LABEL + ((year - from) / (to - from)) * (WIDTH - LABEL - RIGHT);
  const step = to - from > 40 ? 10 : 5;
  const ticks = Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);
  const summary = entries
    .map(
      (e) =>
        `${e.framework.name}: ${e.framework.founded?.slice(0, 4)} to ${e.ongoing ? "today" : e.framework.ended?.slice(0, 4)}`,
    )
    .join("; ");
  return (
    <div ref={ref}>
      <svg
        className="timeline"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="timeline"
      >
        <title id={`${id}-title`}>{`Timeline of ${entries.length} frameworks, ${from} to ${to}`}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((year) => (
          <g key={year} className="timeline__tick">
            <line x1={x(year)} x2={x(year)} y1={0} y2={height - AXIS + 4} />
            <text x={x(year)} y={height - AXIS + 18} textAnchor="middle">
              {year}
            </text>
          </g>
        ))}
        {entries.map((e, i) => {
          const y = i * ROW + 5;
          return (
            <g key={e.framework.slug} className={`timeline__entry timeline__entry--${e.framework.status}`}>
              <text x={LABEL - 8} y={y + 12} textAnchor="end" className="timeline__label">
                {clip(shortName(e.framework))}
              </text>
              <rect x={x(e.start)} y={y} width={Math.max(3, x(e.end) - x(e.start))} height={ROW - 10} rx={3}>
                <title>{`${e.framework.name}: ${span(e.framework.founded, e.framework.ended)}`}</title>
              </rect>
              {e.ongoing ? (
                <path
                  d={`M${x(e.end)} ${y} l6 ${(ROW - 10) / 2} l-6 ${(ROW - 10) / 2} z`}
                  className="timeline__arrow"
                />
              ) : null}
            </g>
          );
        })}
      </svg>
      <details className="chart-table">
        <summary>The timeline as a table</summary>
        <table className="table">
          <caption className="visually-hidden">Founding and end dates</caption>
          <thead>
            <tr>
              <th scope="col">Framework</th>
              <th scope="col">Founded</th>
              <th scope="col">Ended</th>
            </tr>
          </thead>
          <tbody>
            {[...entries.map((e) => e.framework), ...undated].map((f) => (
              <tr key={f.slug}>
                <th scope="row">{f.name}</th>
                <td>{formatDate(f.founded)}</td>
                <td>{f.ended ? formatDate(f.ended) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
