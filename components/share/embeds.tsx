import type { CardView, MatrixView } from "@/lib/export/types";

export function Refs({ refs }: { refs: readonly number[] }) {
  return refs.map((n) => (
    <a key={n} className="doc-ref" href={`#source-${n}`} aria-label={`Source ${n}`}>
      [{n}]
    </a>
  ));
}

/** A framework card as it is exported (snapshot or live facts with numbered references). */
export function CardBlock({ card }: { card: CardView }) {
  const name = (
    <>
      {card.name}
      {card.acronym ? <span className="card__acronym"> ({card.acronym})</span> : null}
    </>
  );
  return (
    <section className={`card doc-card doc-card--${card.mode}`} aria-label={card.name} data-testid="shared-card">
      <header className="card__header">
        <p className="card__title">
          {card.url ? (
            <a href={card.url} rel="noopener noreferrer">
              {name}
            </a>
          ) : (
            name
          )}
        </p>
        {card.status ? <span className="badge">{card.status}</span> : null}
      </header>
      <p className="doc-card__note">{card.note}</p>
      {card.facts.length ? (
        <dl className="facts">
          {card.facts.map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>
                {fact.value}
                <Refs refs={fact.refs} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {card.summary ? <p className="doc-card__summary">{card.summary}</p> : null}
    </section>
  );
}

/** An embedded comparison as a table with numbered references in its cells. */
export function MatrixBlock({ matrix }: { matrix: MatrixView }) {
  const caption = <caption>Comparison: {matrix.title}</caption>;
  const table =
    matrix.found && matrix.columns.length ? (
      <table className="table doc-matrix">
        {caption}
        <thead>
          <tr>
            <th scope="col">{matrix.corner}</th>
            {matrix.columns.map((column, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional and may repeat labels.
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, r) =>
            row.kind === "group" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
              <tr key={r} className="doc-matrix__group">
                <th scope="rowgroup" colSpan={matrix.columns.length + 1}>
                  {row.label}
                </th>
              </tr>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
              <tr key={r}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                  <td key={c}>
                    {cell.text}
                    <Refs refs={cell.refs} />
                  </td>
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
    ) : (
      <table className="table doc-matrix">{caption}</table>
    );
  return (
    <figure className="doc-matrix-figure">
      {/* The matrix scrolls in its own box, not the page; focusable so keyboard users can scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll container must be focusable (WCAG 2.1.1). */}
      <section className="doc-matrix-scroller" tabIndex={0} aria-label={`Comparison: ${matrix.title}`}>
        {table}
      </section>
      {matrix.notices.map((notice) => (
        <p key={notice} className="muted doc-notice">
          {notice}
        </p>
      ))}
    </figure>
  );
}
