import * as Y from "yjs";
import { deriveBriefingContent } from "@/lib/briefings/doc/content";
import { briefingLog } from "@/lib/briefings/doc/update-log";
import type { Db } from "@/lib/db";
import { notifyDocumentMentions } from "@/lib/notifications/document-mentions";
import { processWide } from "@/lib/process-wide";
import { loadStoredDoc } from "./store";

/** Changes a briefing's document in one Yjs transaction; may throw to change nothing. */
export type DocumentEdit = (doc: Y.Doc) => void;

/**
 * Applies an edit to the briefing's live room, so open editors receive it like a collaborator's
 * change, and resolves once it is stored; false when the briefing does not exist. The
 * collaboration server registers it (server/collab/live-edits.ts).
 */
export type LiveEditor = (briefingId: string, edit: DocumentEdit) => Promise<boolean>;

// The Next bundle (routes) and server/ (the collaboration server) share it in one process.
const slot = () => processWide("versions-live-editor", () => ({ editor: null as LiveEditor | null }));

/** Registers this process's live editor (the collaboration server); returns the unregister function. */
export function registerLiveEditor(editor: LiveEditor): () => void {
  slot().editor = editor;
  return () => {
    if (slot().editor === editor) slot().editor = null;
  };
}

/**
 * Applies a server-side edit (a restore) as a new change on top of the document: through the
 * collaboration server's room when this process runs one, otherwise (scripts, tests of routes)
 * straight onto the stored log. False when the briefing does not exist.
 */
export async function editDocument(db: Db, briefingId: string, edit: DocumentEdit): Promise<boolean> {
  const live = slot().editor;
  if (live) return live(briefingId, edit);
  const doc = await loadStoredDoc(db, briefingId);
  if (!doc) return false;
  try {
    const before = Y.encodeStateVector(doc);
    doc.transact(() => edit(doc));
    // The state vector does not cover deletions; the update always carries the full delete set.
    const update = Y.encodeStateAsUpdate(doc, before);
    const log = briefingLog(db);
    await log.append(briefingId, update);
    await notifyDocumentMentions(db, await log.writeContent(briefingId, deriveBriefingContent(doc, briefingId)));
    return true;
  } finally {
    doc.destroy();
  }
}
