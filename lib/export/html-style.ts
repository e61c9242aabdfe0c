/**
 * The stylesheet embedded in exported HTML: readable on screen, A4 with margins and the marking in
 * the header and footer of every printed page. Constant text (no user content), so it can be inlined as is.
 */
export const EXPORT_CSS = `
:root { color-scheme: light; }
body { font: 11pt/1.5 "Helvetica Neue", Arial, sans-serif; color: #1b1f24; max-width: 48rem; margin: 2rem auto; padding: 0 1.5rem; overflow-wrap: anywhere; }
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 1.6em 0 0.5em; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h1 { font-size: 2rem; margin-top: 0.5em; }
h2 { font-size: 1.5rem; } h3 { font-size: 1.25rem; } h4 { font-size: 1.1rem; } h5 { font-size: 1rem; }
a { color: #1f4e8c; }
.comment-ref { color: #8a5a00; font-size: 0.75em; }
blockquote { margin: 1em 0; padding: 0.25em 1em; border-left: 4px solid #c9d1db; color: #3d4550; }
li > p { margin: 0.2em 0; }
hr { border: 0; border-top: 1px solid #c9d1db; margin: 2em 0; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 0.95em; }
th, td { border: 1px solid #c9d1db; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
td > p:first-child, th > p:first-child { margin-top: 0; }
td > p:last-child, th > p:last-child { margin-bottom: 0; }
tr { break-inside: avoid; }
.marking { text-align: center; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; margin: 0.5rem 0; }
.title-block { border-bottom: 2px solid #1f4e8c; padding-bottom: 1rem; margin-bottom: 2rem; }
.byline, .date { margin: 0.2em 0; color: #5b6470; }
.card { border: 1px solid #1f4e8c; border-left-width: 5px; border-radius: 6px; background: #f4f7fb; padding: 0.75em 1em; margin: 1.2em 0; break-inside: avoid; }
.card header { display: flex; justify-content: space-between; gap: 1em; align-items: baseline; }
.card-title { font-weight: 700; font-size: 1.1em; margin: 0; }
.acronym { font-weight: 400; color: #5b6470; }
.badge { font-size: 0.8em; border: 1px solid #5b6470; border-radius: 999px; padding: 0 0.6em; white-space: nowrap; }
.card-note { font-size: 0.85em; color: #5b6470; margin: 0.2em 0 0.6em; font-style: italic; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.3em 1.2em; margin: 0; }
.facts dt { font-size: 0.8em; color: #5b6470; }
.facts dd { margin: 0; }
.card-summary { margin: 0.6em 0 0; }
.matrix { margin: 1.5em 0; }
.matrix caption { text-align: left; font-weight: 700; padding-bottom: 0.4em; }
.matrix table { font-size: 0.85em; }
.matrix-scroller { max-width: 100%; overflow-x: auto; }
.matrix-scroller:focus-visible { outline: 2px solid #1f4e8c; outline-offset: 2px; }
.matrix th, .matrix td { overflow-wrap: normal; min-width: 7em; }
.matrix tr.group th { background: #dde4ee; }
.notice { font-size: 0.85em; color: #5b6470; font-style: italic; }
.ref { font-size: 0.75em; vertical-align: super; text-decoration: none; margin-left: 0.1em; }
.sources { margin-top: 3em; border-top: 1px solid #c9d1db; }
.sources li { margin: 0.3em 0; overflow-wrap: anywhere; }
.sources .url { color: #5b6470; font-size: 0.9em; }
.sources li { break-inside: avoid; }
.back { text-decoration: none; margin-left: 0.3em; }
.noteref { font-size: 0.75em; line-height: 0; }
.noteref a { text-decoration: none; margin-left: 0.1em; }
.notes { margin-top: 3em; border-top: 1px solid #c9d1db; font-size: 0.95em; }
.notes li { margin: 0.3em 0; break-inside: avoid; }
.callout { border: 1px solid #1f4e8c; border-left-width: 5px; border-radius: 6px; background: #eef4fb; padding: 0.5em 1em; margin: 1.2em 0; break-inside: avoid; }
.callout--note { border-color: #5b6470; background: #f5f6f8; }
.callout-title { font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.85em; color: #1f4e8c; margin: 0.3em 0; break-after: avoid; }
.toc { margin: 0 0 2.5rem; }
.toc h2 { margin-top: 0; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { margin: 0.2em 0; }
.toc-2 { padding-left: 1.25em; } .toc-3 { padding-left: 2.5em; } .toc-4 { padding-left: 3.75em; }
.print-frame, .print-frame > tbody, .print-frame > tbody > tr, .print-frame > tbody > tr > td { display: block; margin: 0; padding: 0; border: 0; }
.print-frame > thead, .print-frame > tfoot { display: none; }
.print-marking { text-align: center; font: 700 8pt Arial, sans-serif; color: #b00020; letter-spacing: 0.04em; margin: 0; padding: 2mm 0; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  .matrix-scroller { overflow: visible; }
  a { color: inherit; }
  .card { background: #f4f7fb; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .callout { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { size: A4; margin: 14mm 18mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; } }
  /* Header and footer rows repeat on every printed page (see framed() in html.ts). */
  .print-frame { display: table; width: 100%; border-collapse: collapse; }
  .print-frame > thead { display: table-header-group; }
  .print-frame > tfoot { display: table-footer-group; }
  .print-frame > tbody { display: table-row-group; }
  .print-frame > tbody > tr { display: table-row; break-inside: auto; }
  .print-frame > tbody > tr > td { display: table-cell; border: 0; padding: 0; }
  .print-frame > thead td, .print-frame > tfoot td { border: 0; padding: 0; background: none; }
  .toc { break-after: page; }
  .toc a { text-decoration: none; }
}
`;
