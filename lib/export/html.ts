import { EXPORT_CSS } from "./html-style";
import {
  cardNote,
  citeAnchor,
  DOCUMENT_LANG,
  noteAnchor,
  noteRefAnchor,
  type OutlineEntry,
  outlineOf,
  sourceAnchor,
  wantsToc,
} from "./text";
import type {
  Block,
  CardView,
  ExportDocument,
  Inline,
  MatrixView,
  Note,
  RenderOptions,
  SourceEntry,
  TableCell,
} from "./types";

/**
 * Standalone HTML: one file, inline print CSS, no scripts. Every text goes through escapeHtml and
 * every attribute value is a checked URL or a constant; a Content-Security-Policy meta tag forbids
 * scripts, remote loads and form posts as a second line of defence.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes a text for HTML content and (double-quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** What rendering one document needs: section ids, the outline, the export time, citations met so far. */
type HtmlContext = {
  sections: Map<Block, OutlineEntry>;
  outline: OutlineEntry[];
  exportedAt: string;
  cited: Set<number>;
};

/** Citations linking to their Sources entries; the first citation of each is the way back's target. */
function refLinks(refs: readonly number[], ctx: HtmlContext): string {
  return refs
    .map((n) => {
      const id = ctx.cited.has(n) ? "" : ` id="${citeAnchor(n)}"`;
      ctx.cited.add(n);
      return `<a class="ref"${id} href="#${sourceAnchor(n)}">[${n}]</a>`;
    })
    .join("");
}

/** A footnote's mark: its number, linking to the note (which links back here). */
const noteRefHtml = (n: number) =>
  `<sup class="noteref"><a id="${noteRefAnchor(n)}" href="#${noteAnchor(n)}" aria-label="Footnote ${n}">${n}</a></sup>`;

function inlineHtml(inline: Inline, ctx: HtmlContext): string {
  if (inline.type === "break") return "<br>";
  if (inline.type === "cite") return refLinks(inline.refs, ctx);
  if (inline.type === "note") return noteRefHtml(inline.n);
  const { marks } = inline;
  let html = escapeHtml(inline.text);
  if (marks.bold) html = `<strong>${html}</strong>`;
  if (marks.italic) html = `<em>${html}</em>`;
  if (marks.underline) html = `<u>${html}</u>`;
  if (marks.strike) html = `<s>${html}</s>`;
  if (marks.href) html = `<a href="${escapeHtml(marks.href)}" rel="noopener noreferrer">${html}</a>`;
  // Pending suggestions, when the download asked to show them (lib/export/suggestions.ts).
  if (marks.suggestion) {
    const { kind, author, at } = marks.suggestion;
    const title = escapeHtml(
      `${kind === "insert" ? "Suggested" : "Suggested deletion"} by ${author}${at ? `, ${at.slice(0, 10)}` : ""}`,
    );
    const tag = kind === "insert" ? "ins" : "del";
    html = `<${tag} class="suggestion" title="${title}">${html}</${tag}>`;
  }
  // A comment thread's mark ("[c3]", see comments-appendix.ts), raised like a footnote reference.
  if (marks.commentRef) html = `<sup class="comment-ref">${html}</sup>`;
  return html;
}

const inlinesHtml = (inlines: Inline[], ctx: HtmlContext) => inlines.map((i) => inlineHtml(i, ctx)).join("");

function cellHtml(cell: TableCell, ctx: HtmlContext): string {
  const tag = cell.header ? "th" : "td";
  const span = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ""}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ""}`;
  return `<${tag}${span}>${blocksHtml(cell.blocks, ctx)}</${tag}>`;
}

function cardHtml(card: CardView, ctx: HtmlContext): string {
  const name = `${escapeHtml(card.name)}${card.acronym ? ` <span class="acronym">(${escapeHtml(card.acronym)})</span>` : ""}`;
  const title = card.url ? `<a href="${escapeHtml(card.url)}" rel="noopener noreferrer">${name}</a>` : name;
  const facts = card.facts
    .map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}${refLinks(f.refs, ctx)}</dd></div>`)
    .join("");
  return [
    `<section class="card card--${card.mode}" aria-label="${escapeHtml(card.name)}">`,
    `<header><p class="card-title">${title}</p>`,
    card.status ? `<span class="badge">${escapeHtml(card.status)}</span>` : "",
    `</header><p class="card-note">${escapeHtml(cardNote(card, ctx.exportedAt))}</p>`,
    facts ? `<dl class="facts">${facts}</dl>` : "",
    card.summary ? `<p class="card-summary">${escapeHtml(card.summary)}</p>` : "",
    "</section>",
  ].join("");
}

function matrixHtml(m: MatrixView, ctx: HtmlContext): string {
  const caption = `<caption>Comparison: ${escapeHtml(m.title)}</caption>`;
  const notices = m.notices.map((n) => `<p class="notice">${escapeHtml(n)}</p>`).join("");
  if (!m.found || !m.columns.length) return `<figure class="matrix"><table>${caption}</table>${notices}</figure>`;
  const head = `<thead><tr><th scope="col">${escapeHtml(m.corner)}</th>${m.columns
    .map((c) => `<th scope="col">${escapeHtml(c)}</th>`)
    .join("")}</tr></thead>`;
  const rows = m.rows
    .map((r) =>
      r.kind === "group"
        ? `<tr class="group"><th scope="rowgroup" colspan="${m.columns.length + 1}">${escapeHtml(r.label)}</th></tr>`
        : `<tr><th scope="row">${escapeHtml(r.label)}</th>${r.cells
            .map((c) => `<td>${escapeHtml(c.text)}${refLinks(c.refs, ctx)}</td>`)
            .join("")}</tr>`,
    )
    .join("");
  // Its own keyboard-reachable scroller: a wide matrix scrolls inside the figure, not the page.
  const scroller = `<section class="matrix-scroller" tabindex="0" aria-label="Comparison: ${escapeHtml(m.title)}">`;
  return `<figure class="matrix">${scroller}<table>${caption}${head}<tbody>${rows}</tbody></table></section>${notices}</figure>`;
}

function blockHtml(block: Block, ctx: HtmlContext): string {
  switch (block.type) {
    case "heading": {
      const section = ctx.sections.get(block);
      const id = section ? ` id="${section.id}"` : "";
      return `<h${block.level + 1}${id}>${inlinesHtml(block.inlines, ctx)}</h${block.level + 1}>`;
    }
    case "paragraph":
      return block.inlines.length ? `<p>${inlinesHtml(block.inlines, ctx)}</p>` : "";
    case "list": {
      const items = block.items.map((item) => `<li>${blocksHtml(item, ctx)}</li>`).join("");
      if (!block.ordered) return `<ul>${items}</ul>`;
      return `<ol${block.start !== 1 ? ` start="${block.start}"` : ""}>${items}</ol>`;
    }
    case "blockquote":
      return `<blockquote>${blocksHtml(block.blocks, ctx)}</blockquote>`;
    case "rule":
      return "<hr>";
    case "table":
      return `<table class="doc-table"><tbody>${block.rows
        .map((row) => `<tr>${row.map((cell) => cellHtml(cell, ctx)).join("")}</tr>`)
        .join("")}</tbody></table>`;
    case "card":
      return cardHtml(block.card, ctx);
    case "matrix":
      return matrixHtml(block.matrix, ctx);
    case "toc":
      return ctx.outline.length ? tocHtml(ctx.outline) : "";
    case "callout":
      return `<aside class="callout callout--${block.variant}" aria-label="${escapeHtml(block.title)}"><p class="callout-title">${escapeHtml(block.title)}</p>${blocksHtml(block.blocks, ctx)}</aside>`;
  }
}

function blocksHtml(blocks: Block[], ctx: HtmlContext): string {
  return blocks
    .map((b) => blockHtml(b, ctx))
    .filter(Boolean)
    .join("\n");
}

/** The table of contents: links to the sections, indented by level. */
function tocHtml(outline: OutlineEntry[]): string {
  const items = outline
    .map((e) => `<li class="toc-${e.level}"><a href="#${e.id}">${escapeHtml(e.text)}</a></li>`)
    .join("");
  return `<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${items}</ol></nav>`;
}

function sourceHtml(s: SourceEntry, cited: Set<number>): string {
  const title = s.url
    ? `<a href="${escapeHtml(s.url)}" rel="noopener noreferrer">${escapeHtml(s.title)}</a>`
    : escapeHtml(s.title);
  const parts = [
    title,
    s.publisher ? escapeHtml(s.publisher) : "",
    s.url ? `<span class="url">${escapeHtml(s.url)}</span>` : `<span class="url">${escapeHtml(s.rawUrl)}</span>`,
    s.accessed ? `Accessed ${escapeHtml(s.accessed)}` : "",
  ];
  const back = cited.has(s.n)
    ? ` <a class="back" href="#${citeAnchor(s.n)}" aria-label="Back to the first citation of source ${s.n}">\u21a9</a>`
    : "";
  return `<li id="${sourceAnchor(s.n)}" value="${s.n}">${parts.filter(Boolean).join(". ")}${back}</li>`;
}

/** The footnotes, numbered, each linking back to its mark in the text. */
function notesHtml(notes: Note[], ctx: HtmlContext): string {
  if (!notes.length) return "";
  const items = notes
    .map(
      (note) =>
        `<li id="${noteAnchor(note.n)}" value="${note.n}">${inlinesHtml(note.inlines, ctx)} <a class="back" href="#${noteRefAnchor(note.n)}" aria-label="Back to the text of footnote ${note.n}">\u21a9</a></li>`,
    )
    .join("\n");
  return `<section class="notes" aria-labelledby="notes_title"><h2 id="notes_title">Notes</h2><ol>${items}</ol></section>`;
}

/**
 * The marking on every printed page: a header and a footer row of a layout table around the
 * page, which browsers repeat on each printed page and which take their own space (page margin
 * boxes would do it too, but not every browser prints them). Hidden on screen.
 */
function framed(marking: string, content: string): string {
  if (!marking) return content;
  const row = (tag: "thead" | "tfoot") =>
    `<${tag}><tr><td><p class="print-marking" aria-hidden="true">${marking}</p></td></tr></${tag}>`;
  return `<table class="print-frame" role="presentation">${row("thead")}${row("tfoot")}<tbody><tr><td>\n${content}\n</td></tr></tbody></table>`;
}

/**
 * The whole briefing as one self-contained HTML file: title block, optional table of contents,
 * sections with ids, citations linked both ways, and print CSS (A4, headings kept with what
 * follows, marking on every page).
 */
export function toHtml(doc: ExportDocument, options: RenderOptions = {}): string {
  const marking = doc.classification ? `<p class="marking">${escapeHtml(doc.classification)}</p>` : "";
  const outline = outlineOf(doc.blocks);
  const ctx: HtmlContext = {
    sections: new Map(outline.map((e) => [e.block, e])),
    outline,
    exportedAt: doc.exportedAt,
    cited: new Set(),
  };
  const body = blocksHtml(doc.blocks, ctx);
  const notes = notesHtml(doc.notes ?? [], ctx);
  const sources = doc.sources.length
    ? `<section class="sources" aria-labelledby="sources_title"><h2 id="sources_title">Sources</h2><ol>${doc.sources
        .map((s) => sourceHtml(s, ctx.cited))
        .join("\n")}</ol></section>`
    : "";
  const toc = wantsToc(outline, options, doc.blocks) ? tocHtml(outline) : "";
  const content = `${marking}
<header class="title-block">
<h1>${escapeHtml(doc.title)}</h1>
<p class="byline">${doc.authors.map(escapeHtml).join(", ")}</p>
<p class="date">${escapeHtml(doc.date)}</p>
</header>
${toc}
<main>
${body}
</main>
${notes}
${sources}
${marking}`;
  return `<!doctype html>
<html lang="${DOCUMENT_LANG}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(doc.title)}</title>
<style>${EXPORT_CSS}</style>
</head>
<body>
${framed(doc.classification ? escapeHtml(doc.classification) : "", content)}
</body>
</html>
`;
}
