import type { Block, ExportDocument, ExportFormat, Inline, RenderOptions, TableCell } from "./types";

// Pending suggestions (track changes) in exports. The model keeps them as `marks.suggestion`; this
// file decides, per download, how they print. No database here (export worker threads import it).

const ZWSP = /\u200B/g;

type InlineMap = (inlines: Inline[]) => Inline[];

type Textblock = Extract<Block, { type: "paragraph" | "heading" }>;
const isTextblock = (block: Block | undefined): block is Textblock =>
  block?.type === "paragraph" || block?.type === "heading";

/** The id of a suggested deletion at the start or end of a block's inlines, if it is one. */
function deletionAt(inline: Inline | undefined): string | null {
  return inline?.type === "text" && inline.marks.suggestion?.kind === "delete" ? inline.marks.suggestion.id : null;
}

/**
 * A suggested deletion across a paragraph break ends one block and starts the next with the same
 * suggestion: accepting it joins the two blocks (the first keeps its kind), as in the editor.
 */
function joinDeletedBreaks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    const id = isTextblock(last) ? deletionAt(last.inlines[last.inlines.length - 1]) : null;
    if (isTextblock(last) && isTextblock(block) && id !== null && deletionAt(block.inlines[0]) === id) {
      out[out.length - 1] = { ...last, inlines: [...last.inlines, ...block.inlines] };
    } else out.push(block);
  }
  return out;
}

/** The suggestion a text run is part of, at the start or end of a block's inlines. */
function suggestionAt(inline: Inline | undefined) {
  return inline?.type === "text" ? inline.marks.suggestion : undefined;
}

/**
 * Marks each paragraph whose break is part of a suggestion: it ends with a piece of the
 * suggestion the next paragraph starts with (the editor's zero-width anchors around a suggested
 * paragraph break, or a deletion running across it).
 */
function markBreaks(blocks: Block[]): Block[] {
  return blocks.map((block, i) => {
    const next = blocks[i + 1];
    if (!isTextblock(block) || !isTextblock(next)) return block;
    const end = suggestionAt(block.inlines[block.inlines.length - 1]);
    const start = suggestionAt(next.inlines[0]);
    return end && start && end.id === start.id && end.kind === start.kind ? { ...block, breakSuggestion: end } : block;
  });
}

/** What is done to each list of sibling blocks before their inlines are mapped. */
type Siblings = (blocks: Block[]) => Block[];

function mapBlocks(blocks: Block[], map: InlineMap, siblings: Siblings = (b) => b): Block[] {
  return siblings(blocks).flatMap((block): Block[] => {
    switch (block.type) {
      case "heading":
      case "paragraph": {
        const inlines = map(block.inlines);
        // A block whose whole text was a suggested deletion disappears with it.
        if (inlines.length === 0 && block.inlines.length > 0) return [];
        return [{ ...block, inlines }];
      }
      case "list":
        return [{ ...block, items: block.items.map((item) => mapBlocks(item, map, siblings)) }];
      case "blockquote":
        return [{ ...block, blocks: mapBlocks(block.blocks, map, siblings) }];
      case "table":
        return [
          {
            ...block,
            rows: block.rows.map((row) =>
              row.map((c): TableCell => ({ ...c, blocks: mapBlocks(c.blocks, map, siblings) })),
            ),
          },
        ];
      default:
        return [block];
    }
  });
}

function visitInlines(blocks: Block[], visit: (inline: Inline) => void): void {
  mapBlocks(blocks, (inlines) => {
    inlines.forEach(visit);
    return inlines;
  });
}

/** How many suggestions (groups with one id) a document has pending, and by whom. */
export function pendingSuggestions(doc: Pick<ExportDocument, "blocks">): { count: number; authors: string[] } {
  const ids = new Set<string>();
  const authors = new Set<string>();
  visitInlines(doc.blocks, (inline) => {
    if (inline.type !== "text" || !inline.marks.suggestion) return;
    ids.add(inline.marks.suggestion.id);
    authors.add(inline.marks.suggestion.author);
  });
  return { count: ids.size, authors: [...authors].sort((a, b) => a.localeCompare(b)) };
}

/** Adjacent text runs with the same marks as one run (as the model builds them). */
function merged(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (
      inline.type === "text" &&
      last?.type === "text" &&
      JSON.stringify(last.marks) === JSON.stringify(inline.marks)
    ) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else out.push(inline);
  }
  return out;
}

/** Inlines as if every suggestion were accepted: deletions dropped, insertions plain text. */
const accepted: InlineMap = (inlines) =>
  merged(
    inlines.flatMap((inline): Inline[] => {
      if (inline.type !== "text") return [inline];
      const { suggestion, ...marks } = inline.marks;
      if (suggestion?.kind === "delete") return [];
      const text = inline.text.replace(ZWSP, "");
      return text ? [{ type: "text", text, marks }] : [];
    }),
  );

/** Inlines with suggestions kept; formats without redlines get underline (insert) / strike (delete). */
function shown(native: boolean): InlineMap {
  return (inlines) =>
    inlines.flatMap((inline): Inline[] => {
      if (inline.type !== "text") return [inline];
      const text = inline.text.replace(ZWSP, "");
      if (!text) return [];
      const { suggestion, ...marks } = inline.marks;
      if (!suggestion) return [{ ...inline, text }];
      if (native) return [{ ...inline, text }];
      return [
        {
          type: "text",
          text,
          marks: suggestion.kind === "insert" ? { ...marks, underline: true } : { ...marks, strike: true },
        },
      ];
    });
}

const plural = (n: number) => (n === 1 ? "1 suggestion is" : `${n} suggestions are`);

function note(text: string): Block {
  return { type: "paragraph", inlines: [{ type: "text", text, marks: { italic: true } }] };
}

/**
 * The document as a download prints it: by default as if every pending suggestion were accepted,
 * with a note that N are pending; with `suggestions: "shown"`, with the suggestions marked (DOCX
 * and HTML keep them for real tracked changes / ins-del) and a legend. No suggestions: unchanged.
 */
export function prepareSuggestions(doc: ExportDocument, format: ExportFormat, options: RenderOptions): ExportDocument {
  const { count, authors } = pendingSuggestions(doc);
  if (count === 0) return doc;
  if (options.suggestions !== "shown") {
    const text = `${plural(count)} pending: this copy shows the text as if all were accepted.`;
    return { ...doc, blocks: [note(text), ...mapBlocks(doc.blocks, accepted, joinDeletedBreaks)] };
  }
  const native = format === "docx" || format === "html";
  const how =
    format === "docx"
      ? "they are tracked changes (review them in Word's Review tab)"
      : "suggested insertions are underlined, suggested deletions struck through";
  const legend = `${plural(count)} pending, by ${authors.join(", ")}: ${how}.`;
  return {
    ...doc,
    blocks: [note(legend), ...mapBlocks(doc.blocks, shown(native), format === "docx" ? markBreaks : undefined)],
  };
}

/** The read-only share view: the text as if all suggestions were accepted (no note). */
export function acceptedView(doc: ExportDocument): ExportDocument {
  return pendingSuggestions(doc).count === 0
    ? doc
    : { ...doc, blocks: mapBlocks(doc.blocks, accepted, joinDeletedBreaks) };
}
