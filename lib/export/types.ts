/**
 * The export document model: a briefing resolved for output. Every exporter (Markdown, HTML,
 * DOCX, PDF) and the read-only share view render this one model, so they cover the same node
 * types. Strings here are plain text (never markup): each renderer escapes them for its format.
 * URLs are already checked (http, https or mailto only).
 */

/** A piece of a pending suggestion (track changes); `id` groups the pieces of one suggestion. */
export type SuggestionMark = { kind: "insert" | "delete"; id: string; author: string; at: string | null };

export type Marks = {
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  /** A checked link target; an unsafe link loses its target and stays plain text. */
  href?: string;
  /** Part of a pending suggestion (see lib/export/suggestions.ts for how each option renders it). */
  suggestion?: SuggestionMark;
  /**
   * The comment threads (their numbers in ExportDocument.comments) whose anchored range covers
   * this run; only in documents loaded with comments.
   */
  comments?: number[];
  /** This run is the "[c3]" mark of thread 3 (added to HTML, Markdown and PDF at a range's end). */
  commentRef?: number;
};

export type Inline =
  | { type: "text"; text: string; marks: Marks }
  | { type: "break" }
  /** A citation of catalog sources: numbers in the document's Sources list ("[2][5]"). */
  | { type: "cite"; refs: number[] }
  /** A footnote's mark: its number in ExportDocument.notes. */
  | { type: "note"; n: number };

/** A footnote's text, numbered in document order (1, 2, 3...: footnotes have their own sequence). */
export type Note = { n: number; inlines: Inline[] };

export type TableCell = { header: boolean; colspan: number; rowspan: number; blocks: Block[] };

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4; inlines: Inline[]; breakSuggestion?: SuggestionMark }
  /**
   * `breakSuggestion`: the break after this paragraph is part of a pending suggestion (a suggested
   * new paragraph, or a deletion joining it with the next); DOCX writes it as a tracked paragraph mark.
   */
  | { type: "paragraph"; inlines: Inline[]; breakSuggestion?: SuggestionMark }
  | { type: "list"; ordered: boolean; start: number; items: Block[][] }
  | { type: "blockquote"; blocks: Block[] }
  | { type: "rule" }
  | { type: "table"; rows: TableCell[][] }
  | { type: "card"; card: CardView }
  | { type: "matrix"; matrix: MatrixView }
  /** The table of contents, placed here by the author (drawn from the outline at export time). */
  | { type: "toc" }
  /** A boxed callout such as "Bottom line up front". */
  | { type: "callout"; variant: "bluf" | "note"; title: string; blocks: Block[] };

/** One labelled fact of a card; `refs` are numbers in the document's Sources list. */
export type Fact = { label: string; value: string; refs: number[] };

/** A framework card as exported: pinned cards come from their snapshot, live ones from the catalog. */
export type CardView = {
  slug: string;
  name: string;
  acronym: string | null;
  status: string;
  mode: "live" | "pinned";
  /**
   * "Live: current catalog", "Pinned 27 Nov 2026", or why the card could not be resolved. Files
   * print a live card's note with the export time instead (see cardNote in ./text.ts).
   */
  note: string;
  facts: Fact[];
  summary: string;
  /** Absolute link to the framework page, when known. */
  url: string | null;
  /** False when the framework is not in the catalog (and the card was not pinned). */
  found: boolean;
};

export type MatrixCellView = { text: string; refs: number[] };

export type MatrixRowView = { kind: "group"; label: string } | { kind: "row"; label: string; cells: MatrixCellView[] };

/** An embedded comparison as a table, built by the one matrix model. */
export type MatrixView = {
  title: string;
  /** Header of the row-label column ("Dimension", or "Framework" when transposed). */
  corner: string;
  columns: string[];
  rows: MatrixRowView[];
  /** Why the table differs from the saved comparison (removed frameworks, caps...). */
  notices: string[];
  /** False when the saved comparison no longer exists. */
  found: boolean;
};

/** One numbered entry of the Sources section. */
export type SourceEntry = {
  n: number;
  title: string;
  /** Checked URL, or null when the stored one is not http(s). */
  url: string | null;
  /** The stored URL as text (shown when `url` is null). */
  rawUrl: string;
  publisher: string | null;
  accessed: string | null;
};

export type ExportDocument = {
  briefingId: string;
  title: string;
  authors: string[];
  /** Display date, e.g. "27 November 2026". */
  date: string;
  /**
   * When the document was read, e.g. "27 November 2026, 12:00 UTC": live cards in a file say
   * "as of" this time. Left out of the export cache key (see exportCacheKey).
   */
  exportedAt: string;
  /** Marking line such as "UNCLASSIFIED // FOR OFFICIAL USE"; "" when none was set. */
  classification: string;
  blocks: Block[];
  sources: SourceEntry[];
  /** Footnotes in document order (absent or empty when the briefing has none). */
  notes?: Note[];
  /** The comment threads, numbered in document order; only when the export includes comments. */
  comments?: ExportThread[];
  /** The clearance the file prints on its Clearance page (lib/clearance/export.ts chooses which). */
  clearance?: ExportClearance;
};

/** A clearance chain as an export prints it: plain, display-ready text. */
export type ExportClearance = {
  /** The cleared version's label, e.g. "“Sent to Director”, 4 December 2026, 12:00 UTC". */
  version: string;
  /** "Cleared", "In clearance", "Released", "Cleared, text changed since". */
  state: string;
  /** "In sequence" or "In parallel". */
  mode: string;
  requestedBy: string;
  requestedAt: string;
  due: string;
  clearers: {
    name: string;
    /** "Concur", "Concur with comments", "Non-concur" or "No answer". */
    answer: string;
    /** Who answered (a team's member) and when; null while unanswered. */
    by: string | null;
    at: string | null;
    comment: string | null;
  }[];
  /** How the chain ended, e.g. "Finalized over dissent by Ada Lovelace, 5 December 2026, 10:00 UTC". */
  outcome: string | null;
  /** The lead's recorded dissent when finalized over missing or non-concurring answers. */
  dissent: string | null;
};

/** One comment of an exported thread. Text is plain (mentions are "@Name"). */
export type ExportComment = {
  author: string;
  /** ISO time (DOCX comment dates) and its display form ("27 November 2026, 12:00 UTC"). */
  createdAt: string;
  at: string;
  body: string;
  edited: boolean;
  /** A deleted comment kept for its replies: body "". */
  deleted: boolean;
};

/** A comment thread in an export: where it is, its quote, its comments (the first opened it). */
export type ExportThread = {
  /** "c<n>" in the text and the appendix; Word comment ids are derived from it. */
  n: number;
  quote: string;
  /**
   * "text": its range is marked in the text; "orphaned": its text was deleted (or cannot be
   * found); "embed": it is on a framework card or comparison (no text to mark).
   */
  placement: "text" | "orphaned" | "embed";
  resolved: { by: string | null; at: string } | null;
  comments: ExportComment[];
};

export const EXPORT_FORMATS = ["pdf", "docx", "md", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const PAGE_SIZES = ["a4", "letter"] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** How a file is laid out (not what it says): chosen per download. */
export type RenderOptions = {
  /** PDF paper size (default A4). */
  pageSize?: PageSize;
  /**
   * Table of contents in PDF, DOCX and HTML: true, false or "auto" (the default: only when the
   * briefing has at least TOC_MIN_HEADINGS headings; Markdown renderers build their own).
   */
  toc?: boolean | "auto";
  /**
   * Pending suggestions: "accepted" (the default) prints the text as if all were accepted, with a
   * note saying how many are pending; "shown" prints them as redlines (DOCX: real tracked changes,
   * w:ins/w:del with author and date; PDF/Markdown: underline/strike; HTML: ins/del) with a legend.
   */
  suggestions?: "accepted" | "shown";
  /**
   * Not layout but what the file holds: a release copy for this country or group code (only the
   * portions releasable to it; lib/marking/export.ts). Parsed with the layout options so every
   * download route reads it the same way.
   */
  releaseTo?: string;
  /**
   * Include the comment threads (default false). The document must have been loaded with them
   * (loadExportDocument's `comments` option), after checking briefing:read-comments.
   */
  comments?: boolean;
};
