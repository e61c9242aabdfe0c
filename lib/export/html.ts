import { EXPORT_CSS } from "./html-style";
import type { Block, CardView, ExportDocument, Inline, MatrixView, SourceEntry, TableCell } from "./types";

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

/** A CSS string literal that cannot end the string, the rule or the <style> element. */
export function cssString(text: string): string {
  return `"${text.replace(/[^\w .,/-]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

const refLinks = (refs: readonly number[]) => refs.map((n) => `<a class="ref" href="#source-${n}">[${n}]</a>`).join("");

function inlineHtml(inline: Inline): string {
  if (inline.type === "break") return "<br>";
  const { marks } = inline;
  let html = escapeHtml(inline.text);
  if (marks.bold) html = `<strong>${html}</strong>`;
  if (marks.italic) html = `<em>${html}</em>`;
  if (marks.underline) html = `<u>${html}</u>`;
  if (marks.strike) html = `<s>${html}</s>`;
  if (marks.href) html = `<a href="${escapeHtml(marks.href)}" rel="noopener noreferrer">${html}</a>`;
  return html;
}

const inlinesHtml = (inlines: Inline[]) => inlines.map(inlineHtml).join("");

function cellHtml(cell: TableCell): string {
  const tag = cell.header ? "th" : "td";
  const span = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ""}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ""}`;
  return `<${tag}${span}>${blocksHtml(cell.blocks)}</${tag}>`;
}

function cardHtml(card: CardView): string {
  const name = `${escapeHtml(card.name)}${card.acronym ? ` <span class="acronym">(${escapeHtml(card.acronym)})</span>` : ""}`;
  const title = card.url ? `<a href="${escapeHtml(card.url)}" rel="noopener noreferrer">${name}</a>` : name;
  const facts = card.facts
    .map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}${refLinks(f.refs)}</dd></div>`)
    .join("");
  return [
    `<section class="card card--${card.mode}" aria-label="${escapeHtml(card.name)}">`,
    `<header><p class="card-title">${title}</p>`,
    card.status ? `<span class="badge">${escapeHtml(card.status)}</span>` : "",
    `</header><p class="card-note">${escapeHtml(card.note)}</p>`,
    facts ? `<dl class="facts">${facts}</dl>` : "",
    card.summary ? `<p class="card-summary">${escapeHtml(card.summary)}</p>` : "",
    "</section>",
  ].join("");
}

function matrixHtml(m: MatrixView): string {
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
            .map((c) => `<td>${escapeHtml(c.text)}${refLinks(c.refs)}</td>`)
            .join("")}</tr>`,
    )
    .join("");
  // Its own keyboard-reachable scroller: a wide matrix scrolls inside the figure, not the page.
  const scroller = `<section class="matrix-scroller" tabindex="0" aria-label="Comparison: ${escapeHtml(m.title)}">`;
  return `<figure class="matrix">${scroller}<table>${caption}${head}<tbody>${rows}</tbody></table></section>${notices}</figure>`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case "heading":
      return `<h${block.level + 1}>${inlinesHtml(block.inlines)}</h${block.level + 1}>`;
    case "paragraph":
      return block.inlines.length ? `<p>${inlinesHtml(block.inlines)}</p>` : "";
    case "list": {
      const items = block.items.map((item) => `<li>${blocksHtml(item)}</li>`).join("");
      if (!block.ordered) return `<ul>${items}</ul>`;
      return `<ol${block.start !== 1 ? ` start="${block.start}"` : ""}>${items}</ol>`;
    }
    case "blockquote":
      return `<blockquote>${blocksHtml(block.blocks)}</blockquote>`;
    case "rule":
      return "<hr>";
    case "table":
      return `<table class="doc-table"><tbody>${block.rows
        .map((row) => `<tr>${row.map(cellHtml).join("")}</tr>`)
        .join("")}</tbody></table>`;
    case "card":
      return cardHtml(block.card);
    case "matrix":
      return matrixHtml(block.matrix);
  }
}

function blocksHtml(blocks: Block[]): string {
  return blocks.map(blockHtml).filter(Boolean).join("\n");
}

function sourceHtml(s: SourceEntry): string {
  const title = s.url
    ? `<a href="${escapeHtml(s.url)}" rel="noopener noreferrer">${escapeHtml(s.title)}</a>`
    : escapeHtml(s.title);
  const parts = [
    title,
    s.publisher ? escapeHtml(s.publisher) : "",
    s.url ? `<span class="url">${escapeHtml(s.url)}</span>` : `<span class="url">${escapeHtml(s.rawUrl)}</span>`,
    s.accessed ? `Accessed ${escapeHtml(s.accessed)}` : "",
  ];
  return `<li id="source-${s.n}" value="${s.n}">${parts.filter(Boolean).join(". ")}</li>`;
}

/** The whole briefing as one self-contained HTML file. */
export function toHtml(doc: ExportDocument): string {
  const marking = doc.classification ? `<p class="marking">${escapeHtml(doc.classification)}</p>` : "";
  const pageMarking = doc.classification
    ? `@page { @top-center { content: ${cssString(doc.classification)}; font: 700 8pt Arial, sans-serif; color: #b00020; } }`
    : "";
  const sources = doc.sources.length
    ? `<section class="sources"><h2>Sources</h2><ol>${doc.sources.map(sourceHtml).join("\n")}</ol></section>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(doc.title)}</title>
<style>${EXPORT_CSS}${pageMarking}</style>
</head>
<body>
${marking}
<header class="title-block">
<h1>${escapeHtml(doc.title)}</h1>
<p class="byline">${doc.authors.map(escapeHtml).join(", ")}</p>
<p class="date">${escapeHtml(doc.date)}</p>
</header>
<main>
${blocksHtml(doc.blocks)}
</main>
${sources}
${marking}
</body>
</html>
`;
}
