import Link from "next/link";
import { KINDS, REGIONS, STATUSES } from "@/lib/catalog/constants";
import { formatSpan } from "@/lib/catalog/format";
import type { FrameworkSummary } from "@/lib/catalog/types";

export type FrameworkCardProps = {
  framework: FrameworkSummary;
  /** Link the title to the framework page (default true). */
  linked?: boolean;
  /** Heading level of the title, so the card fits the outline of the page that embeds it. */
  headingLevel?: 2 | 3 | 4;
  /** Extra content under the facts, e.g. a selection checkbox or an "as of" line. */
  footer?: React.ReactNode;
};

/** Compact, self-contained summary of a framework; pure markup so pages, editors and exports can embed it. */
export function FrameworkCard({ framework: f, linked = true, headingLevel = 3, footer }: FrameworkCardProps) {
  const Heading = `h${headingLevel}` as const;
  const title = (
    <>
      {f.name}
      {f.acronym && f.acronym !== f.name ? <span className="card__acronym"> ({f.acronym})</span> : null}
    </>
  );
  return (
    <article className="card framework-card" data-testid="framework-card" aria-label={f.name}>
      <header className="card__header">
        <Heading className="card__title">
          {linked ? <Link href={`/frameworks/${f.slug}`}>{title}</Link> : title}
        </Heading>
        <span className={`badge badge--${f.status}`}>{STATUSES[f.status]}</span>
      </header>
      <dl className="facts">
        <div>
          <dt>Kind</dt>
          <dd>{KINDS[f.kind]}</dd>
        </div>
        <div>
          <dt>Region</dt>
          <dd>{REGIONS[f.region]}</dd>
        </div>
        <div>
          <dt>Years</dt>
          <dd>{formatSpan(f.founded, f.ended)}</dd>
        </div>
        <div>
          <dt>{f.status === "defunct" ? "Members at end" : "Members"}</dt>
          <dd>{f.memberCount}</dd>
        </div>
        {f.headquarters ? (
          <div>
            <dt>Headquarters</dt>
            <dd>{f.headquarters}</dd>
          </div>
        ) : null}
      </dl>
      <p className="card__summary">{f.summary}</p>
      {footer}
    </article>
  );
}
