import type { ReactNode } from "react";
import type { Block, ExportDocument, Inline, SourceEntry } from "@/lib/export/types";
import { CardBlock, MatrixBlock } from "./embeds";

export type BriefingDocumentProps = { document: ExportDocument };

function InlineView({ inline }: { inline: Inline }) {
  if (inline.type === "break") return <br />;
  const { marks } = inline;
  let node: ReactNode = inline.text;
  if (marks.bold) node = <strong>{node}</strong>;
  if (marks.italic) node = <em>{node}</em>;
  if (marks.underline) node = <u>{node}</u>;
  if (marks.strike) node = <s>{node}</s>;
  // Hrefs were checked when the document was built (http, https and mailto only).
  if (marks.href)
    node = (
      <a href={marks.href} rel="noopener noreferrer nofollow">
        {node}
      </a>
    );
  return node;
}

function Inlines({ inlines }: { inlines: Inline[] }) {
  return inlines.map((inline, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: inline runs are positional.
    <InlineView key={i} inline={inline} />
  ));
}

const HEADINGS = ["h2", "h3", "h4", "h5"] as const;

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case "heading": {
      const Heading = HEADINGS[block.level - 1] ?? "h5";
      return (
        <Heading>
          <Inlines inlines={block.inlines} />
        </Heading>
      );
    }
    case "paragraph":
      return block.inlines.length ? (
        <p>
          <Inlines inlines={block.inlines} />
        </p>
      ) : null;
    case "list": {
      const items = block.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items are positional.
        <li key={i}>
          <Blocks blocks={item} />
        </li>
      ));
      return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case "blockquote":
      return (
        <blockquote>
          <Blocks blocks={block.blocks} />
        </blockquote>
      );
    case "rule":
      return <hr />;
    case "table":
      return (
        <div className="table-wrap">
          <table className="table doc-table">
            <tbody>
              {block.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
                <tr key={r}>
                  {row.map((cell, c) => {
                    const Cell = cell.header ? "th" : "td";
                    return (
                      <Cell
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                        key={c}
                        colSpan={cell.colspan > 1 ? cell.colspan : undefined}
                        rowSpan={cell.rowspan > 1 ? cell.rowspan : undefined}
                      >
                        <Blocks blocks={cell.blocks} />
                      </Cell>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "card":
      return <CardBlock card={block.card} />;
    case "matrix":
      return <MatrixBlock matrix={block.matrix} />;
  }
}

/** Blocks of the export document model, read-only (also the version preview's body). */
export function Blocks({ blocks }: { blocks: Block[] }) {
  return blocks.map((block, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional (the document has no ids).
    <BlockView key={i} block={block} />
  ));
}

/** One numbered entry of a Sources list. */
export function Source({ source: s }: { source: SourceEntry }) {
  return (
    <li id={`source-${s.n}`} value={s.n}>
      {s.url ? (
        <a href={s.url} rel="noopener noreferrer nofollow">
          {s.title}
        </a>
      ) : (
        s.title
      )}
      {s.publisher ? `. ${s.publisher}` : null}. <span className="doc-sources__url">{s.url ?? s.rawUrl}</span>
      {s.accessed ? `. Accessed ${s.accessed}.` : null}
    </li>
  );
}

/**
 * A briefing rendered read-only from the export document model: the same node coverage as the
 * exporters (cards, matrices and the numbered Sources included). Text is rendered by React
 * (escaped); the only URLs are the model's checked ones.
 */
export function BriefingDocument({ document: doc }: BriefingDocumentProps) {
  return (
    <article className="shared-briefing" aria-labelledby="shared-briefing-title">
      {doc.classification ? <p className="doc-marking">{doc.classification}</p> : null}
      <header className="shared-briefing__header">
        <h1 id="shared-briefing-title">{doc.title}</h1>
        <p className="muted">
          {doc.authors.join(", ")} · {doc.date}
        </p>
      </header>
      <div className="shared-briefing__body" data-testid="shared-body">
        <Blocks blocks={doc.blocks} />
      </div>
      {doc.sources.length ? (
        <section className="doc-sources" aria-labelledby="shared-sources">
          <h2 id="shared-sources">Sources</h2>
          <ol>
            {doc.sources.map((s) => (
              <Source key={s.n} source={s} />
            ))}
          </ol>
        </section>
      ) : null}
      {doc.classification ? <p className="doc-marking">{doc.classification}</p> : null}
    </article>
  );
}
