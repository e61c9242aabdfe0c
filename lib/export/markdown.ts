import { cardNote, type OutlineEntry, outlineOf } from "./text";
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
 * GitHub-flavoured Markdown. Every text is escaped so nothing in it becomes markup: Markdown
 * punctuation gets a backslash and `<`, `>`, `&` become entities, so no raw HTML, entity trick or
 * autolink-looking text can turn active; so do the characters renderers extend Markdown with
 * (`$` maths, `:emoji:` and autolinks, `==highlight==`, `^superscript^`, `++inserted++`,
 * `{attributes}`). Control characters are dropped. The only HTML written is `<br>` inside table
 * cells (GFM tables have no other line break).
 *
 * Conventions (Markdown has no form for these):
 * - The briefing title is the one `#` heading; briefing headings are shifted one level down.
 * - Underline is written `++like this++`, the markdown-it-ins convention: renderers that know it
 *   underline it, others show the plus signs, so the emphasis is never lost silently.
 * - Citations are GFM footnotes (`[^3]`) whose definitions are the Sources entries, listed under
 *   "Sources" (GitHub gathers them at the end of the page, with links back to each citation).
 *   Footnotes are GFM footnotes too, labelled `[^note-1]`, defined under "Notes".
 * - A table of contents block is a list of links to the headings' anchors (the editor's ids); a
 *   callout is a quote whose first line is its bold title ("Bottom line up front").
 */

// Characters that are syntax anywhere in a line (those that matter only at a line start are
// handled by guardLines), and the line breaks a paragraph's text must not carry.
const MD_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": " ", "\n": " ", "\t": " " };
const MD_SPECIAL = /[\r\n\t&<>\\`*_[\]|~$=^+{}]/g;
// Colons are syntax only in `:emoji:` codes and `scheme://` autolinks; "Note: text" stays readable.
const MD_EMOJI = /:([\w+\\-]+):/g;
const MD_SCHEME = /:(?=\/\/)/g;
// C0 and C1 controls other than the tab and line breaks (those become spaces above), and DEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Escapes a text for Markdown inline content. */
export function escapeMd(text: string): string {
  return text
    .replace(CONTROLS, "")
    .replace(MD_SPECIAL, (c) => MD_ESCAPES[c] ?? `\\${c}`)
    .replace(MD_EMOJI, "\\:$1\\:")
    .replace(MD_SCHEME, "\\:");
}

/** A link destination with every character Markdown could read as syntax percent-encoded. */
function mdUrl(url: string): string {
  return url.replace(/[()<>"'\\\s`[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** Citations as GFM footnote references: `[^1][^4]`. */
const refsMd = (refs: readonly number[]) => refs.map((n) => `[^${n}]`).join("");
/** A footnote's reference: `[^note-2]` (its own label, so it never meets a source's number). */
const noteLabel = (n: number) => `note-${n}`;

type OpenMark = { kind: "link" | "strike" | "bold" | "italic" | "underline"; href?: string };
const DELIMITER = { strike: "~~", bold: "**", italic: "*", underline: "++" } as const;

function wanted(inline: Extract<Inline, { type: "text" }>): OpenMark[] {
  const { marks } = inline;
  const list: OpenMark[] = [];
  if (marks.href) list.push({ kind: "link", href: marks.href });
  if (marks.strike) list.push({ kind: "strike" });
  if (marks.bold) list.push({ kind: "bold" });
  if (marks.italic) list.push({ kind: "italic" });
  if (marks.underline) list.push({ kind: "underline" });
  return list;
}

const opener = (m: OpenMark) => (m.kind === "link" ? "[" : DELIMITER[m.kind]);
const closer = (m: OpenMark) => (m.kind === "link" ? `](${mdUrl(m.href ?? "")})` : DELIMITER[m.kind]);

/**
 * Inline content with marks opened and closed like a stack (link outermost), so overlapping
 * marks over adjacent runs nest properly; whitespace is kept outside delimiters, as CommonMark
 * requires for them to count.
 */
export function inlineMd(inlines: Inline[], lineBreak = "\\\n"): string {
  let out = "";
  let active: OpenMark[] = [];
  let pendingSpace = "";
  const closeFrom = (k: number) => {
    for (let i = active.length - 1; i >= k; i--) out += closer(active[i]!);
    active = active.slice(0, k);
  };
  for (const inline of inlines) {
    if (inline.type === "break") {
      closeFrom(0);
      out += pendingSpace + lineBreak;
      pendingSpace = "";
      continue;
    }
    if (inline.type === "cite" || inline.type === "note") {
      // Outside any emphasis, straight after the text it annotates.
      closeFrom(0);
      out += pendingSpace + (inline.type === "cite" ? refsMd(inline.refs) : `[^${noteLabel(inline.n)}]`);
      pendingSpace = "";
      continue;
    }
    const text = escapeMd(inline.text);
    const core = text.trim();
    if (!core) {
      pendingSpace += text;
      continue;
    }
    const lead = text.slice(0, text.indexOf(core));
    const trail = text.slice(text.indexOf(core) + core.length);
    const desired = wanted(inline);
    let k = 0;
    while (k < active.length && k < desired.length && active[k]!.kind === desired[k]!.kind) {
      if (active[k]!.href !== desired[k]!.href) break;
      k++;
    }
    closeFrom(k);
    out += pendingSpace + lead;
    for (const m of desired.slice(k)) out += opener(m);
    active = desired;
    out += core;
    pendingSpace = trail;
  }
  closeFrom(0);
  return out + pendingSpace;
}

/**
 * Keeps every line of a paragraph from starting a heading, list item, rule, setext underline or
 * indented code block.
 */
function guardLines(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/^\s+/, "")
        .replace(/^([#+\-=])/, "\\$1")
        .replace(/^(\d+)([.)])/, "$1\\$2"),
    )
    .join("\n");
}

const indent = (text: string, prefix: string, first = prefix) =>
  text
    .split("\n")
    .map((line, i) => (i === 0 ? first : line ? prefix : prefix.trimEnd()) + line)
    .join("\n");

function listMd(block: Extract<Block, { type: "list" }>): string {
  return block.items
    .map((item, i) => {
      const marker = block.ordered ? `${block.start + i}. ` : "- ";
      const body = item.reduce((acc, child, j) => {
        const text = blockMd(child);
        if (j === 0) return text;
        const tight = child.type === "list" && (!child.ordered || child.start === 1);
        return `${acc}${tight ? "\n" : "\n\n"}${text}`;
      }, "");
      return indent(body, " ".repeat(marker.length), marker).trimEnd();
    })
    .join("\n");
}

/** A cell's blocks on one line (GFM cells cannot span lines): paragraphs joined by <br>. */
function cellMd(blocks: Block[]): string {
  return blocks.flatMap(cellLines).filter(Boolean).join("<br>");
}

function cellLines(b: Block): string[] {
  switch (b.type) {
    case "paragraph":
    case "heading":
      return [inlineMd(b.inlines, "<br>")];
    case "list":
      return b.items.map((item, i) => `${b.ordered ? `${b.start + i}\\.` : "•"} ${cellMd(item)}`);
    case "blockquote":
      return [cellMd(b.blocks)];
    case "table":
      return b.rows.map((row) => row.map((c) => cellMd(c.blocks)).join(" / "));
    case "card":
      return [escapeMd(b.card.name)];
    case "matrix":
      return [escapeMd(`Comparison: ${b.matrix.title}`)];
    case "callout":
      return [`**${escapeMd(b.title)}**`, cellMd(b.blocks)];
    case "rule":
    case "toc":
      return [];
  }
}

function tableMd(rows: string[][]): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill("")];
  const line = (r: string[]) => `| ${pad(r).join(" | ")} |`;
  const [header = [], ...body] = rows;
  return [line(header), `|${" --- |".repeat(width)}`, ...body.map(line)].join("\n");
}

const spanned = (row: TableCell[]) => row.flatMap((c) => [cellMd(c.blocks), ...Array<string>(c.colspan - 1).fill("")]);

function cardMd(card: CardView, exportedAt: string): string {
  const name = `**${escapeMd(card.name)}${card.acronym ? ` (${escapeMd(card.acronym)})` : ""}**`;
  const title = card.url ? `[${name}](${mdUrl(card.url)})` : name;
  const lines = [
    [title, card.status && escapeMd(card.status)].filter(Boolean).join(" · "),
    `*${escapeMd(cardNote(card, exportedAt))}*`,
  ];
  if (card.facts.length) {
    const rows = [
      ["Fact", "Value"],
      ...card.facts.map((f) => [escapeMd(f.label), `${escapeMd(f.value)}${f.refs.length ? ` ${refsMd(f.refs)}` : ""}`]),
    ];
    lines.push(tableMd(rows));
  }
  if (card.summary) lines.push(escapeMd(card.summary));
  return indent(lines.join("\n\n"), "> ");
}

function matrixMd(m: MatrixView): string {
  const parts = [`**${escapeMd(`Comparison: ${m.title}`)}**`];
  if (m.found && m.columns.length) {
    const header = [escapeMd(m.corner), ...m.columns.map(escapeMd)];
    const rows = m.rows.map((r) =>
      r.kind === "group"
        ? [`**${escapeMd(r.label)}**`]
        : [escapeMd(r.label), ...r.cells.map((c) => `${escapeMd(c.text)}${c.refs.length ? ` ${refsMd(c.refs)}` : ""}`)],
    );
    parts.push(tableMd([header, ...rows]));
  }
  for (const notice of m.notices) parts.push(`*${escapeMd(notice)}*`);
  return parts.join("\n\n");
}

function blockMd(block: Block): string {
  switch (block.type) {
    case "heading":
      // One level down: the title is the document's only "#".
      return `${"#".repeat(block.level + 1)} ${inlineMd(block.inlines, " ").replace(/#/g, "\\#")}`;
    case "paragraph":
      return guardLines(inlineMd(block.inlines));
    case "list":
      return listMd(block);
    case "blockquote":
      return indent(blocksMd(block.blocks) || "", "> ");
    case "rule":
      return "---";
    case "table":
      return block.rows.length ? tableMd(block.rows.map(spanned)) : "";
    case "card":
      return cardMd(block.card, currentExportTime);
    case "matrix":
      return matrixMd(block.matrix);
    case "toc":
      return tocMd(currentOutline);
    case "callout":
      // A quote whose first line names the box: every renderer shows it as a set-off block.
      return indent([`**${escapeMd(block.title)}**`, blocksMd(block.blocks)].filter(Boolean).join("\n\n"), "> ");
  }
}

/** The table of contents as a nested list of links to the headings' anchors (the editor's ids). */
function tocMd(outline: OutlineEntry[]): string {
  if (!outline.length) return "";
  const top = Math.min(...outline.map((e) => e.level));
  const items = outline.map((e) => `${"  ".repeat(e.level - top)}- [${escapeMd(e.text)}](#${mdUrl(e.id)})`);
  return ["**Contents**", items.join("\n")].join("\n\n");
}

function blocksMd(blocks: Block[]): string {
  return blocks
    .map(blockMd)
    .filter((s) => s.trim() !== "")
    .join("\n\n");
}

/** Literal text no renderer turns into a link or markup (an unsafe stored URL is shown, not linked). */
function codeSpan(text: string): string {
  const clean = text.replace(CONTROLS, "").replace(/[\r\n\t]+/g, " ");
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence} ${clean} ${fence}`;
}

/** A Sources entry as the definition of footnote `[^n]` (what every citation of it points at). */
function sourceMd(s: SourceEntry): string {
  const title = s.url ? `[${escapeMd(s.title)}](${mdUrl(s.url)})` : escapeMd(s.title);
  const parts = [title, s.publisher && escapeMd(s.publisher), !s.url && codeSpan(s.rawUrl)];
  const accessed = s.accessed ? ` Accessed ${escapeMd(s.accessed)}.` : "";
  // "\[n\]" first: readers without footnotes see the number, and the line can never read as a
  // link reference definition (which a CommonMark renderer would silently hide).
  return `[^${s.n}]: \\[${s.n}\\] ${parts.filter(Boolean).join(". ")}.${accessed}`;
}

/** A footnote as the definition of `[^note-n]`. */
function noteMd(note: Note): string {
  return `[^${noteLabel(note.n)}]: ${inlineMd(note.inlines, " ")}`;
}

// The export time live cards are printed "as of", and the outline a TOC block lists, for the
// duration of one (synchronous) render.
let currentExportTime = "";
let currentOutline: OutlineEntry[] = [];

/** The whole briefing as GitHub-flavoured Markdown (conventions in this module's comment). */
export function toMarkdown(doc: ExportDocument, _options: RenderOptions = {}): string {
  currentExportTime = doc.exportedAt;
  currentOutline = outlineOf(doc.blocks);
  const marking = doc.classification ? `**${escapeMd(doc.classification)}**` : "";
  const byline = [
    doc.authors.length ? `Authors: ${escapeMd(doc.authors.join(", "))}` : "",
    `Date: ${escapeMd(doc.date)}`,
  ].filter(Boolean);
  const parts = [marking, `# ${escapeMd(doc.title)}`, byline.join("  \n"), "---", blocksMd(doc.blocks)];
  if (doc.notes?.length) parts.push("## Notes", doc.notes.map(noteMd).join("\n"));
  if (doc.sources.length) parts.push("## Sources", doc.sources.map(sourceMd).join("\n"));
  if (marking) parts.push("---", marking);
  return `${parts.filter(Boolean).join("\n\n")}\n`;
}
