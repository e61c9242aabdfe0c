import type { Db } from "@/lib/db";
import { notifyCommentEvent } from "@/lib/notifications/comment-events";
import { emitWebhookEvent } from "@/lib/webhooks/events";
import { announceCommentEvent, type CommentEvent } from "./events";
import { plainBody } from "./mentions";

export type { CommentEvent };

/**
 * THE one place that runs after every committed comment write (create, reply, edit, delete,
 * resolve, reopen), whatever the entry point (server action or public API): it announces the
 * event to the collaboration server (which pushes it to every connection allowed to read the
 * briefing's comments, on every instance), notifies the people it concerns (mentions, replies,
 * resolutions; lib/notifications) and queues `comment.created` for webhooks. `body` is the text
 * just written (create, reply, edit), so nothing is read back. Never throws: the
 * write is committed already, and a failed side effect must not turn it into an error for the
 * writer.
 */
export async function afterCommentWrite(db: Db, event: CommentEvent, body?: string): Promise<void> {
  try {
    announceCommentEvent(event);
  } catch (error) {
    console.error("[comments] announcing a comment event failed:", error);
  }
  try {
    // The text as people read it ("@Ana" for a mention), for the inbox and webhooks.
    const excerpt = body === undefined ? undefined : plainBody(body);
    await notifyCommentEvent(db, { ...event, excerpt });
    if (event.kind === "created" || event.kind === "replied") {
      await emitWebhookEvent(db, {
        event: "comment.created",
        briefingId: event.briefingId,
        data: {
          comment: {
            id: event.commentId,
            threadId: event.threadId,
            authorId: event.actorId,
            reply: event.kind === "replied",
            body: excerpt ?? "",
          },
        },
      });
    }
  } catch (error) {
    console.error("[comments] notifications or webhooks after a comment write failed:", error);
  }
}
