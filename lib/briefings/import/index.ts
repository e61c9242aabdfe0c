import type { JSONContent } from "@tiptap/core";
import { markdownToProsemirror } from "@/lib/api/markdown";
import { MAX_MARKDOWN_CHARS } from "@/lib/api/schema";
import { MAX_DOCUMENT_DEPTH } from "@/lib/editor/depth";
import { editorSchema } from "@/lib/editor/schema";
import { AppError } from "@/lib/errors";
import { docxToProsemirror, type ImportResult } from "./docx";
import type { TrackedChangesMode } from "./tracked-changes";

export { TRACKED_CHANGES_MODES, type TrackedChangesMode } from "./tracked-changes";

/** Largest file accepted for import (a long briefing in Word is well under 10 MB without images). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The kinds of file a briefing can be created from. */
export const IMPORT_EXTENSIONS = [".docx", ".md", ".markdown", ".txt"] as const;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot === -1 ? "" : name.slice(dot).toLowerCase();
}

/** A title from the file name: "AUKUS options v2.docx" -> "AUKUS options v2". */
export function titleFromFileName(name: string): string {
  const base = name
    .replace(/\.[^.]+$/, "")
    .replace(/[_]+/g, " ")
    .trim();
  return base.slice(0, 200) || "Imported briefing";
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new AppError("unprocessable", "This file is not UTF-8 text. Save it as UTF-8 and try again.", {
      file: ["not UTF-8 text"],
    });
  }
}

function depthOf(node: JSONContent): number {
  let deepest = 0;
  for (const child of node.content ?? []) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

/**
 * A file -> the editor's ProseMirror JSON, checked against the schema, with notices about what was
 * left out. Word (.docx) and Markdown (.md, .txt); anything else is refused with a clear message.
 * A Word file's tracked changes become suggestions, or are all accepted or rejected (`trackedChanges`).
 */
export async function importFile(
  file: { name: string; bytes: Uint8Array },
  trackedChanges: TrackedChangesMode = "suggest",
): Promise<ImportResult> {
  if (file.bytes.length === 0) throw new AppError("unprocessable", "The file is empty.", { file: ["is empty"] });
  if (file.bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError("too_large", "Files up to 10 MB can be imported.", { file: ["larger than 10 MB"] });
  }
  const extension = extensionOf(file.name);
  let result: ImportResult;
  if (extension === ".docx") result = await docxToProsemirror(file.bytes, trackedChanges);
  else if (extension === ".md" || extension === ".markdown" || extension === ".txt") {
    const text = decodeText(file.bytes);
    if (text.length > MAX_MARKDOWN_CHARS) {
      throw new AppError(
        "too_large",
        `Markdown files up to ${MAX_MARKDOWN_CHARS.toLocaleString("en")} characters can be imported.`,
        {
          file: ["too long"],
        },
      );
    }
    result = { content: markdownToProsemirror(text), notices: [] };
  } else {
    throw new AppError("unprocessable", "Import a Word (.docx) or Markdown (.md) file.", {
      file: ["must be .docx or .md"],
    });
  }
  if (depthOf(result.content) > MAX_DOCUMENT_DEPTH) {
    throw new AppError("unprocessable", `The file nests lists or quotes more than ${MAX_DOCUMENT_DEPTH} levels deep.`, {
      file: ["nested too deeply"],
    });
  }
  // Checked against the schema, and stored as the schema writes it (defaults filled in).
  const doc = editorSchema().nodeFromJSON(result.content);
  doc.check();
  return { content: doc.toJSON() as JSONContent, notices: result.notices };
}
