import type * as Y from "yjs";
import { MAX_DOCUMENT_DEPTH, updateDepth } from "@/lib/editor/depth";

/** An update refused because it would nest the document deeper than the limit. */
export class DocumentTooDeepError extends Error {
  constructor(readonly depth: number) {
    super(`Document nested too deeply (more than ${MAX_DOCUMENT_DEPTH} levels)`);
  }
}

/**
 * Refuses (throws DocumentTooDeepError) an update that would make `doc` deeper than
 * MAX_DOCUMENT_DEPTH, before it is applied, so the room's document, its peers and its storage never
 * see it. An update that inserts only text costs one decode of the update; see updateDepth.
 */
export function assertUpdateDepth(doc: Y.Doc, update: Uint8Array): void {
  const depth = updateDepth(doc, update, MAX_DOCUMENT_DEPTH);
  if (depth > MAX_DOCUMENT_DEPTH) throw new DocumentTooDeepError(depth);
}
