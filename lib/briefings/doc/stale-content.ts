import * as Y from "yjs";
import type { Db } from "@/lib/db";
import { deriveBriefingContent } from "./content";
import { applyStoredState, type BriefingUpdateLog } from "./update-log";

/**
 * Briefings whose log holds rows written after their derived content (contentJson/contentText):
 * a server stopped uncleanly (kill -9, power loss) before its debounced content write. A clean
 * unload compacts the log and writes the content, so normally there are none at start-up.
 */
export async function listStaleContent(db: Db): Promise<string[]> {
  const newest = await db.briefingUpdate.groupBy({ by: ["briefingId"], _max: { createdAt: true } });
  if (!newest.length) return [];
  const briefings = await db.briefing.findMany({
    where: { id: { in: newest.map((row) => row.briefingId) }, deletedAt: null },
    select: { id: true, contentUpdatedAt: true },
  });
  const derivedAt = new Map(briefings.map((b) => [b.id, b.contentUpdatedAt?.getTime() ?? null]));
  return newest
    .filter((row) => {
      if (!derivedAt.has(row.briefingId)) return false; // deleted
      const derived = derivedAt.get(row.briefingId) ?? null;
      // Equal times count as stale: the row may have committed just after the content.
      return derived === null || (row._max.createdAt?.getTime() ?? 0) >= derived;
    })
    .map((row) => row.briefingId);
}

/**
 * Rewrites the derived content (and so Briefing.updatedAt) of every briefing listed by
 * listStaleContent, from the stored document, one at a time. A failure for one briefing is reported
 * and the others go on. Returns how many were rewritten.
 */
export async function rederiveStaleContent(
  log: BriefingUpdateLog,
  onError: (error: unknown, context: string) => void,
): Promise<number> {
  let written = 0;
  for (const briefingId of await listStaleContent(log.db)) {
    try {
      const state = await log.load(briefingId);
      if (!state || state.deleted) continue;
      const doc = new Y.Doc();
      try {
        applyStoredState(doc, state);
        await log.writeContent(briefingId, deriveBriefingContent(doc, briefingId));
        written++;
      } finally {
        doc.destroy();
      }
    } catch (error) {
      onError(error, `re-deriving the content of briefing ${briefingId}`);
    }
  }
  return written;
}
