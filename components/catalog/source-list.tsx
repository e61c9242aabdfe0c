import type { SourceInput } from "@/lib/catalog/schema";

export type SourceListProps = { sources: SourceInput[] };

/** The citations of one value, as external links. */
export function SourceList({ sources }: SourceListProps) {
  return (
    <ul className="sources" aria-label="Sources">
      {sources.map((s) => (
        <li key={`${s.url}-${s.title}`}>
          <a href={s.url} target="_blank" rel="noopener noreferrer" className="source-link">
            {s.title}
          </a>
          {s.publisher ? <span className="muted"> · {s.publisher}</span> : null}
          {s.accessed ? <span className="muted"> · accessed {s.accessed}</span> : null}
        </li>
      ))}
    </ul>
  );
}
