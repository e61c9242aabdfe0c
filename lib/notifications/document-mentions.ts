import type { Db } from "@/lib/db";
import { type NotificationDraft, notifyReaders } from "./create";

/**
 * THE server hook for @mentions in the document text: delivers the drafts the Yjs log returns when
 * it stores a briefing's derived content (newMentionDrafts) to each mentioned user who may read the
 * briefing (a user with an unread document mention of it is not notified again). Never throws: a
 * failure is logged and must not fail the content write it follows.
 */
export async function notifyDocumentMentions(db: Db, drafts: NotificationDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  try {
    return await notifyReaders(db, drafts);
  } catch (error) {
    console.error(`[notifications] document mentions of briefing ${drafts[0]!.briefingId}:`, error);
    return 0;
  }
}

/** notifyDocumentMentions bound to a client, as the briefing stores take it. */
export const mentionNotifier =
  (db: Db) =>
  async (drafts: NotificationDraft[]): Promise<void> => {
    await notifyDocumentMentions(db, drafts);
  };
