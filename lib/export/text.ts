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

/** A heading's text on one line. */
export function inlinePlain(inlines: Inline[]): string {
  return inlines
    .map((i) => (i.type === "break" ? " " : i.text))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

export type OutlineEntry = { id: string; level: 1 | 2 | 3 | 4; text: string; block: Block };

/**
 * The briefing's top-level headings in order, each with an anchor id ("section-1"...). Headings
 * inside lists, quotes or table cells are not sections and are left out.
 */
export function outlineOf(blocks: Block[]): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  for (const block of blocks) {
    if (block.type !== "heading") continue;
    const text = inlinePlain(block.inlines);
    if (text) out.push({ id: `section-${out.length + 1}`, level: block.level, text, block });
  }
  return out;
}

/** With "auto", a table of contents appears from this many headings on. */
export const TOC_MIN_HEADINGS = 3;

/** Whether a file gets a table of contents (RenderOptions.toc, "auto" by default). */
export function wantsToc(outline: OutlineEntry[], options: RenderOptions = {}): boolean {
  const toc = options.toc ?? "auto";
  if (toc === "auto") return outline.length >= TOC_MIN_HEADINGS;
  return toc && outline.length > 0;
}

/** The anchor of a Sources entry, and of the first citation pointing at it (the way back). */
export const sourceAnchor = (n: number) => `source-${n}`;
export const citeAnchor = (n: number) => `cite-${n}`;
