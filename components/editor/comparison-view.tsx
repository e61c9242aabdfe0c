"use client";

import { NodeViewWrapper, type ReactNodeViewProps } from "@tiptap/react";
import type { ComponentType } from "react";
import type { ComparisonEmbed } from "@/lib/comparisons/embed";
import { COMPARISON_UNAVAILABLE } from "@/lib/comparisons/unavailable";
import type { ComparisonAttrs } from "@/lib/editor/nodes/comparison";
import { comparisonUrl } from "./api";
import { useLiveJson } from "./use-live-json";

const views = new Map<string, ComponentType<ReactNodeViewProps>>();

/**
 * The node view of comparisons in one briefing: the server decides what the embed shows by that
 * briefing's embed rule, the same answer as the share page and the exports.
 */
export function comparisonViewFor(briefingId: string): ComponentType<ReactNodeViewProps> {
  let view = views.get(briefingId);
  if (!view) {
    view = (props: ReactNodeViewProps) => <ComparisonView {...props} briefingId={briefingId} />;
    views.set(briefingId, view);
  }
  return view;
}

/** A saved comparison in a briefing: the live matrix, read-only, with a way to open it in Compare. */
export function ComparisonView({ node, selected, briefingId }: ReactNodeViewProps & { briefingId: string }) {
  const attrs = node.attrs as ComparisonAttrs;
  const live = useLiveJson<ComparisonEmbed>(attrs.comparisonId ? comparisonUrl(attrs.comparisonId, briefingId) : null);
  const embed = live.data;
  const title = embed?.name ?? attrs.title ?? "Comparison";
  return (
    <NodeViewWrapper
      className={`embed embed--comparison${selected ? " embed--selected" : ""}`}
      data-testid="comparison-embed"
      data-comparison-id={attrs.comparisonId}
    >
      <figure className="card comparison-embed">
        <figcaption className="comparison-embed__header">
          <span className="comparison-embed__title">{title}</span>
          {embed ? (
            <a className="button button--small button--secondary" href={embed.href}>
              Open in Compare
            </a>
          ) : null}
        </figcaption>
        {embed ? (
          <EmbedTable embed={embed} />
        ) : (
          <p className="muted">
            {live.loading
              ? "Loading the comparison…"
              : live.status === 404
                ? COMPARISON_UNAVAILABLE
                : (live.error ?? "The comparison could not be loaded.")}
          </p>
        )}
        {embed?.omittedFrameworks ? (
          <p className="muted comparison-embed__note">
            {embed.omittedFrameworks} more framework{embed.omittedFrameworks === 1 ? "" : "s"} in Compare.
          </p>
        ) : null}
        {embed?.notices.map((n) => (
          <p key={n} className="muted comparison-embed__note">
            {n}
          </p>
        ))}
      </figure>
    </NodeViewWrapper>
  );
}

function EmbedTable({ embed }: { embed: ComparisonEmbed }) {
  let group: string | null = null;
  return (
    <div className="table-wrap comparison-embed__scroll">
      <table className="table comparison-embed__table">
        <caption className="visually-hidden">{embed.name}</caption>
        <thead>
          <tr>
            <th scope="col">{embed.corner}</th>
            {embed.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {embed.rows.flatMap((row) => {
            const rows = [];
            if (row.group && row.group !== group) {
              group = row.group;
              rows.push(
                <tr key={`g:${row.group}`} className="comparison-embed__group">
                  <th scope="colgroup" colSpan={embed.columns.length + 1}>
                    {row.group}
                  </th>
                </tr>,
              );
            }
            rows.push(
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, i) => (
                  <td
                    key={embed.columns[i]?.key ?? i}
                    className={embed.highlightDifferences && cell.differs ? "differs" : undefined}
                  >
                    {cell.text || <span className="muted">—</span>}
                  </td>
                ))}
              </tr>,
            );
            return rows;
          })}
        </tbody>
      </table>
    </div>
  );
}
