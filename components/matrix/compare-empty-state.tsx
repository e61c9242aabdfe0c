import Link from "next/link";

/** Comparisons to start from; the page offers those whose frameworks are all in the catalog. */
export const SUGGESTIONS = [
  { slugs: ["nato", "aukus", "quad"], text: "NATO vs AUKUS vs the Quad" },
  { slugs: ["nato", "warsaw-pact"], text: "NATO vs the Warsaw Pact" },
  { slugs: ["seato", "cento", "anzus"], text: "SEATO vs CENTO vs ANZUS" },
  { slugs: ["five-eyes", "aukus"], text: "Five Eyes vs AUKUS" },
];

export type CompareEmptyStateProps = {
  /** Frameworks in the catalog. */
  frameworkCount: number;
  /** Slugs of SUGGESTIONS' frameworks that the catalog has. */
  known: string[];
};

/** Shown when nothing is selected: what the page does, and comparisons to start from. */
export function CompareEmptyState({ frameworkCount, known }: CompareEmptyStateProps) {
  const suggestions = SUGGESTIONS.filter((s) => s.slugs.every((slug) => known.includes(slug)));
  return (
    <div className="empty-state compare-empty" data-testid="compare-empty">
      <h2>Pick frameworks to compare</h2>
      <p>
        Search above for two or more frameworks. The matrix puts them side by side, dimension by dimension, with the
        sources of every value.
      </p>
      {suggestions.length ? (
        <>
          <p className="muted">Or start from one of these:</p>
          <ul className="compare-empty__suggestions">
            {suggestions.map((s) => (
              <li key={s.text}>
                <Link className="button" href={`/compare?fw=${s.slugs.join(",")}&diff=1`}>
                  {s.text}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {frameworkCount ? (
        <p className="muted">
          <Link href="/compare?all=1&transpose=1">Or compare all {frameworkCount} frameworks at once</Link> (frameworks
          as rows).
        </p>
      ) : null}
    </div>
  );
}
