import { headingSlug } from "@/lib/editor/outline";
import type { Block, CardView, ExportDocument, Inline, RenderOptions } from "./types";

/**
 * Text helpers every format shares: bidi neutralisation, the printed note of a card, and the
 * document outline (headings with stable anchors) that tables of contents, PDF bookmarks and
 * DOCX bookmarks are built from.
 */

// Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they reorder how text is
// shown, so "txt.exe" can display as "exe.txt" ("Trojan Source"). The implicit marks
// (U+200E/U+200F, U+061C) cannot reorder across a run and are kept for genuine RTL text.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** The language every export declares (dates and labels are written in British English). */
export const DOCUMENT_LANG = "en-GB";

/** A text without bidi embedding, override and isolate characters. */
export function neutralizeBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

function clean<T>(value: T): T {
  if (typeof value === "string") return neutralizeBidi(value) as T;
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = clean(v);
    return out as T;
  }
  return value;
}

/**
 * The document with every string's bidi controls removed (titles, text, cards, matrices, sources,
 * URLs). Applied when a document is loaded (so the share page gets it) and again before each
 * render (so a document built elsewhere cannot bring them into a file).
 */
export function neutralizeDocument(doc: ExportDocument): ExportDocument {
  return HAS_BIDI_CONTROL.test(JSON.stringify(doc)) ? clean(doc) : doc;
}

/** "27 November 2026, 12:00 UTC": the export time live cards are printed "as of". */
export function displayDateTime(date: Date): string {
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });
  return `${day}, ${time} UTC`;
}

/**
 * The note a file prints under a card's title: a live card says when its catalog facts were read
 * (a frozen file must not claim to be "current"); pinned and missing cards keep the model's note
 * ("Pinned 27 Nov 2026").
 */
export function cardNote(card: CardView, exportedAt: string): string {
  return card.found && card.mode === "live" && card.note.startsWith("Live")
    ? `Live catalog data as of ${exportedAt}`
    : card.note;
}

/** A heading's text on one line (citation and footnote marks are not part of it). */
export function inlinePlain(inlines: Inline[]): string {
  return inlines
    .map((i) => (i.type === "break" ? " " : i.type === "text" ? i.text : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

export type OutlineEntry = { id: string; level: 1 | 2 | 3 | 4; text: string; block: Block };

/** The blocks a block holds (headings inside them are sections too, as in the editor's outline). */
function innerBlocks(block: Block): Block[] {
  switch (block.type) {
    case "list":
      return block.items.flat();
    case "blockquote":
    case "callout":
      return block.blocks;
    case "table":
      return block.rows.flatMap((row) => row.flatMap((cell) => cell.blocks));
    default:
      return [];
  }
}

/**
 * The briefing's headings in document order, each with the anchor id the editor gives it
 * (lib/editor/outline.ts: "background", a repeated heading "background-2"), so a link to
 * `#background` works in the editor, the share page and the HTML and PDF files alike. Internal
 * anchors of the files (source_1, cite_1, note_1...) contain "_", which no heading id does.
 */
export function outlineOf(blocks: Block[]): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const used = new Map<string, number>();
  const stack = [...blocks].reverse();
  for (let block = stack.pop(); block; block = stack.pop()) {
    if (block.type !== "heading") {
      stack.push(...[...innerBlocks(block)].reverse());
      continue;
    }
    const text = inlinePlain(block.inlines);
    if (!text) continue;
    const base = headingSlug(text);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    out.push({ id: seen === 0 ? base : `${base}-${seen + 1}`, level: block.level, text, block });
  }
  return out;
}

/** True when the author placed a table of contents block somewhere in the briefing. */
export function hasTocBlock(blocks: Block[]): boolean {
  const stack = [...blocks];
  for (let block = stack.pop(); block; block = stack.pop()) {
    if (block.type === "toc") return true;
    stack.push(...innerBlocks(block));
  }
  return false;
}

/** With "auto", a table of contents appears from this many headings on. */
export const TOC_MIN_HEADINGS = 3;

/**
 * Whether a file gets a table of contents after its title page (RenderOptions.toc, "auto" by
 * default). Not when the author placed one in the briefing: it is drawn there instead.
 */
export function wantsToc(outline: OutlineEntry[], options: RenderOptions = {}, blocks: Block[] = []): boolean {
  if (hasTocBlock(blocks)) return false;
  const toc = options.toc ?? "auto";
  if (toc === "auto") return outline.length >= TOC_MIN_HEADINGS;
  return toc && outline.length > 0;
}

/** The anchor of a Sources entry, and of the first citation pointing at it (the way back). */
export const sourceAnchor = (n: number) => `source_${n}`;
export const citeAnchor = (n: number) => `cite_${n}`;
/** The anchor of a footnote's text, and of its mark in the text (the way back). */
export const noteAnchor = (n: number) => `note_${n}`;
export const noteRefAnchor = (n: number) => `noteref_${n}`;
