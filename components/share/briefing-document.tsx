import type { ReactNode } from "react";
import { noteAnchor, noteRefAnchor, type OutlineEntry, outlineOf, sourceAnchor } from "@/lib/export/text";
import type { Block, ExportDocument, Inline, SourceEntry } from "@/lib/export/types";
import { CardBlock, MatrixBlock } from "./embeds";

export type BriefingDocumentProps = { document: ExportDocument };

function InlineView({ inline }: { inline: Inline }) {
  if (inline.type === "break") return <br />;
  if (inline.type === "cite")
    return inline.refs.map((n) => (
      <a key={n} className="doc-ref" href={`#${sourceAnchor(n)}`}>
        [{n}]
      </a>
    ));
  if (inline.type === "note")
    return (
      <sup className="doc-noteref">
        <a id={noteRefAnchor(inline.n)} href={`#${noteAnchor(inline.n)}`} aria-label={`Footnote ${inline.n}`}>
          {inline.n}
        </a>
      </sup>
    );
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

/** Section ids (the editor's anchors) and the outline a table of contents block lists. */
type Outline = { entries: OutlineEntry[]; ids: Map<Block, string> };

function Toc({ outline }: { outline: Outline }) {
  if (!outline.entries.length) return null;
  return (
    <nav className="doc-toc" aria-label="Contents">
      <p className="doc-toc__title">Contents</p>
      <ol>
        {outline.entries.map((e) => (
          <li key={e.id} className={`doc-toc__${e.level}`}>
            <a href={`#${e.id}`}>{e.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function BlockView({ block, outline }: { block: Block; outline: Outline }) {
  switch (block.type) {
    case "heading": {
      const Heading = HEADINGS[block.level - 1] ?? "h5";
      return (
        <Heading id={outline.ids.get(block)}>
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
          <Blocks blocks={item} outline={outline} />
        </li>
      ));
      return block.ordered ? <ol start={block.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case "blockquote":
      return (
        <blockquote>
          <Blocks blocks={block.blocks} outline={outline} />
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
                        <Blocks blocks={cell.blocks} outline={outline} />
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
    case "toc":
      return <Toc outline={outline} />;
    case "callout":
      return (
        <aside className={`doc-callout doc-callout--${block.variant}`} aria-label={block.title}>
          <p className="doc-callout__title">{block.title}</p>
          <Blocks blocks={block.blocks} outline={outline} />
        </aside>
      );
  }
}

function Blocks({ blocks, outline }: { blocks: Block[]; outline: Outline }) {
  return blocks.map((block, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional (the document has no ids).
    <BlockView key={i} block={block} outline={outline} />
  ));
}

/** One numbered entry of a Sources list. */
function Source({ source: s }: { source: SourceEntry }) {
  return (
    <li id={sourceAnchor(s.n)} value={s.n}>
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
  const entries = outlineOf(doc.blocks);
  const outline: Outline = { entries, ids: new Map(entries.map((e) => [e.block, e.id])) };
  const notes = doc.notes ?? [];
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
        <Blocks blocks={doc.blocks} outline={outline} />
      </div>
      {notes.length ? (
        <section className="doc-sources" aria-labelledby="shared-notes">
          <h2 id="shared-notes">Notes</h2>
          <ol>
            {notes.map((note) => (
              <li key={note.n} id={noteAnchor(note.n)} value={note.n}>
                <Inlines inlines={note.inlines} />{" "}
                <a href={`#${noteRefAnchor(note.n)}`} aria-label={`Back to the text of footnote ${note.n}`}>
                  ↩
                </a>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
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
