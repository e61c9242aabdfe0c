import type { JSONContent } from "@tiptap/core";
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";
import { AppError } from "@/lib/errors";
import { htmlTreeToProsemirror } from "./html-tree";

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

/**
 * Tracked changes (Word redlines) in the document body: insertions and deletions. mammoth reads
 * them as if accepted (inserted text kept, deleted text left out), so the import says so.
 */
export function countTrackedChanges(bytes: Uint8Array): { insertions: number; deletions: number } {
  const files = unzipSync(bytes, { filter: (file) => file.name === "word/document.xml" });
  const xml = files["word/document.xml"] ? strFromU8(files["word/document.xml"]) : "";
  return { insertions: xml.match(/<w:ins\b/g)?.length ?? 0, deletions: xml.match(/<w:del\b/g)?.length ?? 0 };
}

/** What an import produced: the document and plain sentences about what was left out. */
export type ImportResult = { content: JSONContent; notices: string[] };

/**
 * A Word document -> the editor's ProseMirror JSON: headings (Heading 1-6 styles), paragraphs,
 * bold, italic, underline, strike, links, lists and tables. Images and comments are left out and
 * reported; tracked changes are imported as accepted and reported (see countTrackedChanges).
 * Linked external files are never read.
 */
export async function docxToProsemirror(bytes: Uint8Array): Promise<ImportResult> {
  checkZip(bytes);
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
  const { content, dropped } = htmlTreeToProsemirror(tree.documentElement as unknown as Node);
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
  const tracked = countTrackedChanges(bytes);
  if (tracked.insertions + tracked.deletions > 0) {
    const n = tracked.insertions + tracked.deletions;
    notices.push(
      `This file had ${n} tracked change${n === 1 ? "" : "s"} (${tracked.insertions} inserted, ${tracked.deletions} deleted); ` +
        "they were imported as accepted: inserted text kept, deleted text left out. Their authors were not kept.",
    );
  }
  return { content, notices };
}
