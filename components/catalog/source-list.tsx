import type { SourceInput } from "@/lib/catalog/schema";
import { SOURCE_TYPES } from "@/lib/catalog/source-policy";

export type SourceListProps = { sources: SourceInput[] };

/** The citations of one value, as external links, each with its type (docs/sources.md). */
export function SourceList({ sources }: SourceListProps) {
  return (
    <ul className="sources" aria-label="Sources">
      {sources.map((s) => (
        <li key={`${s.url}-${s.title}`}>
          <a href={s.url} target="_blank" rel="noopener noreferrer" className="source-link">
            {s.title}
          </a>
          <span className={`source-type source-type--${s.type}`} data-testid="source-type">
            {" "}
            · {SOURCE_TYPES[s.type]}
          </span>
          {s.publisher ? <span className="muted"> · {s.publisher}</span> : null}
          {s.accessed ? <span className="muted"> · accessed {s.accessed}</span> : null}
        </li>
      ))}
    </ul>
  );
}
