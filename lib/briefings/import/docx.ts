import type { JSONContent } from "@tiptap/core";
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import mammoth from "mammoth";
import { AppError } from "@/lib/errors";
import { htmlTreeToProsemirror } from "./html-tree";
import { markersToSuggestions } from "./suggestion-markers";
import {
  rewriteTrackedChanges,
  type TrackedChange,
  type TrackedChangesMode,
  type TrackedCounts,
} from "./tracked-changes";

/** Unpacked size a Word document may have: real briefings are a few MB; a zip bomb is not. */
export const MAX_DOCX_UNZIPPED_BYTES = 64 * 1024 * 1024;
const MAX_DOCX_ENTRIES = 5000;

function notWord(): AppError {
  return new AppError("unprocessable", "This file is not a Word document (.docx). Save it as .docx and try again.", {
    file: ["not a .docx file"],
  });
}

/** Checks the zip's directory (sizes as declared, nothing inflated) before anything unpacks it. */
function checkZip(bytes: Uint8Array): void {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) throw notWord();
  let total = 0;
  let entries = 0;
  let hasDocument = false;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries++;
        total += file.originalSize;
        if (file.name === "word/document.xml") hasDocument = true;
        return false;
      },
    });
  } catch {
    throw notWord();
  }
  if (total > MAX_DOCX_UNZIPPED_BYTES || entries > MAX_DOCX_ENTRIES) {
    throw new AppError("unprocessable", "This .docx unpacks to more than 64 MB; it cannot be imported.", {
      file: ["unpacks too large"],
    });
  }
  if (!hasDocument) throw notWord();
}

/** What an import produced: the document and plain sentences about what was left out. */
export type ImportResult = { content: JSONContent; notices: string[] };

/**
 * The file with its tracked changes rewritten for `mode` (see rewriteTrackedChanges), the changes
 * kept as suggestions, and what it held.
 */
function prepareTrackedChanges(
  bytes: Uint8Array,
  mode: TrackedChangesMode,
): { bytes: Uint8Array; changes: TrackedChange[]; counts: TrackedCounts } {
  const part = unzipSync(bytes, { filter: (file) => file.name === "word/document.xml" })["word/document.xml"];
  const rewritten = rewriteTrackedChanges(part ? strFromU8(part) : "", mode);
  const total = rewritten.counts.text + rewritten.counts.rows + rewritten.counts.formatting;
  if (mode === "accept" || total === 0) return { bytes, ...rewritten };
  // Only a file with tracked changes to keep or reject is unpacked whole and packed again.
  const files = unzipSync(bytes);
  files["word/document.xml"] = strToU8(rewritten.xml);
  return { bytes: zipSync(files), ...rewritten };
}

const changesOf = (n: number) => `${n} tracked change${n === 1 ? "" : "s"}`;

/** Sentences about the file's tracked changes and what the import did with them. */
function trackedNotices(mode: TrackedChangesMode, counts: TrackedCounts, suggestions: number, authors: string[]) {
  const total = counts.text + counts.rows + counts.formatting;
  if (total === 0) return [];
  if (mode === "accept") return [`This file had ${changesOf(total)}; all were accepted as the import asked.`];
  if (mode === "reject") return [`This file had ${changesOf(total)}; all were rejected as the import asked.`];
  const notices = [
    `${changesOf(counts.text - counts.insertedThenDeleted)} from Word became ${suggestions} suggestion${suggestions === 1 ? "" : "s"} ` +
      `by ${authors.join(", ")} (Word names, not users of this site): review them in the Suggestions panel.`,
  ];
  if (counts.insertedThenDeleted > 0) {
    notices.push(
      `${changesOf(counts.insertedThenDeleted)} deleted text that had itself been inserted as a tracked change; that text was left out.`,
    );
  }
  if (counts.notKept > 0) {
    notices.push(
      `${changesOf(counts.notKept)} (formatting, table rows or a paragraph break before a table) cannot be suggestions ` +
        "and were applied as accepted. Import again with tracked changes rejected to get the text before all changes.",
    );
  }
  return notices;
}

/**
 * A Word document -> the editor's ProseMirror JSON: headings (Heading 1-6 styles), paragraphs,
 * bold, italic, underline, strike, links, lists and tables. Images and comments are left out and
 * reported. Tracked changes follow `trackedChanges`: kept as suggestions with their Word authors
 * and dates (the default; what cannot be a suggestion is applied as accepted and reported), or all
 * accepted, or all rejected. Linked external files are never read.
 */
export async function docxToProsemirror(
  original: Uint8Array,
  trackedChanges: TrackedChangesMode = "suggest",
): Promise<ImportResult> {
  checkZip(original);
  const { bytes, changes, counts } = prepareTrackedChanges(original, trackedChanges);
  let html: string;
  let messages: { type: string; message: string }[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { styleMap: ["u => u", "strike => s"], externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    html = result.value;
    messages = result.messages;
  } catch {
    throw notWord();
  }
  // mammoth writes well-formed markup (escaped text, self-closed void elements): XML parses it.
  const tree = new DOMParser({ errorHandler: () => {} }).parseFromString(`<root>${html}</root>`, "text/xml");
  const converted = htmlTreeToProsemirror(tree.documentElement as unknown as Node);
  const { dropped } = converted;
  const { content, authors, suggestions } = markersToSuggestions(converted.content, changes);
  const notices: string[] = [];
  if (dropped.images > 0) {
    notices.push(
      `${dropped.images} image${dropped.images === 1 ? " was" : "s were"} left out: briefings hold no images.`,
    );
  }
  const unknownStyles = messages.filter((m) => /Unrecognised (paragraph|run) style/.test(m.message)).length;
  if (unknownStyles > 0) {
    notices.push(
      `${unknownStyles} Word style${unknownStyles === 1 ? " was" : "s were"} not recognised; that text was imported as plain paragraphs.`,
    );
  }
  notices.push(...trackedNotices(trackedChanges, counts, suggestions, authors));
  return { content, notices };
}
