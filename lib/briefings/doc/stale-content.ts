import * as Y from "yjs";
import type { NotificationDraft } from "@/lib/notifications/create";
import { deriveBriefingContent } from "./content";
import { applyStoredState, type BriefingUpdateLog } from "./update-log";

/**
 * Rewrites the derived content (and so Briefing.updatedAt) of every briefing whose log holds rows
 * written after its derived content (a server stopped uncleanly, kill -9 or power loss, before
 * its debounced content write; a clean unload compacts the log and writes the content, so normally
 * there are none at start-up), from the stored document, one at a time, handing the mentions each
 * write returns to `notify`. A failure for one briefing is reported and the others go on. Returns
 * how many were rewritten.
 */
export async function rederiveStaleContent(
  log: BriefingUpdateLog,
  notify: (drafts: NotificationDraft[]) => Promise<void>,
  onError: (error: unknown, context: string) => void,
): Promise<number> {
  let written = 0;
  for (const briefingId of await log.staleContent()) {
    try {
      const state = await log.load(briefingId);
      if (!state || state.deleted) continue;
      const doc = new Y.Doc();
      try {
        applyStoredState(doc, state);
        await notify(await log.writeContent(briefingId, deriveBriefingContent(doc, briefingId)));
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
