import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { type Db, dbProvider } from "@/lib/db";
import { yDocToProsemirrorJson } from "./content";
import { applyStoredState, BriefingUpdateLog } from "./update-log";

const EMPTY_DOC: JSONContent = { type: "doc", content: [] };

/**
 * The current document of a briefing as ProseMirror JSON, read from the durable Yjs state (the
 * compacted snapshot plus every logged update) rather than from Briefing.contentJson, which is
 * refreshed with a debounce and may be seconds behind. A live room persists its updates within
 * its batch delay, so this is what an editor sees, give or take that delay. Falls back to
 * contentJson only for briefings that have no Yjs state at all. Null when the briefing does not exist.
 */
export async function loadCurrentContent(db: Db, briefingId: string): Promise<JSONContent | null> {
  const log = new BriefingUpdateLog(db, dbProvider(db));
  const state = await log.load(briefingId);
  if (!state) return null;
  if (state.snapshot || state.updates.length) {
    const doc = new Y.Doc();
    try {
      applyStoredState(doc, state);
      return yDocToProsemirrorJson(doc);
    } finally {
      doc.destroy();
    }
  }
  const row = await db.briefing.findUnique({ where: { id: briefingId }, select: { contentJson: true } });
  if (!row?.contentJson) return EMPTY_DOC;
  try {
    const json = JSON.parse(row.contentJson) as JSONContent;
    return json && typeof json === "object" ? json : EMPTY_DOC;
  } catch {
    return EMPTY_DOC;
  }
}
