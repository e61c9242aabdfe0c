import type { Db } from "@/lib/db";
import { announceCommentEvent, type CommentEvent } from "./events";

export type { CommentEvent };

/**
 * THE one place that runs after every committed comment write (create, reply, edit, delete,
 * resolve, reopen), whatever the entry point (server action or public API). Today it announces
 * the event to the collaboration server, which pushes it to every connection allowed to read the
 * briefing's comments, on every instance. Notifications and webhooks hook in here too.
 * Never throws: the write is committed already, and a failed side effect must not turn it into
 * an error for the writer.
 */
export async function afterCommentWrite(_db: Db, event: CommentEvent): Promise<void> {
  try {
    announceCommentEvent(event);
  } catch (error) {
    console.error("[comments] after-write failed:", error);
  }
}
