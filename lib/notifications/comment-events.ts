import type { CommentEvent as CommentWriteEvent } from "@/lib/comments/events";
import type { Db } from "@/lib/db";
import { type NotificationDraft, notifyReaders } from "./create";

/** A comment event (lib/comments/events.ts) with the comment's text, for the inbox and digest mails. */
export type CommentEvent = CommentWriteEvent & { excerpt?: string };

/**
 * Turns a comment event into notifications: `mentioned` for the mentioned users (created, replied,
 * edited: a mention is notified once per comment, so an edit notifies only people newly mentioned),
 * `comment_reply` for the thread's other participants on a reply (unless the reply mentions them),
 * `thread_resolved` for the thread's author on resolve. Never the actor; only recipients who may
 * read the briefing now (through `can()`); no duplicates. deleted/reopened notify nobody.
 * Returns how many notifications were created.
 */
export async function notifyCommentEvent(db: Db, event: CommentEvent): Promise<number> {
  const { briefingId, threadId, commentId, actorId } = event;
  const base = { briefingId, threadId, commentId, actorId, excerpt: event.excerpt ?? "" };
  const drafts: NotificationDraft[] = [];
  const mentioned = new Set(event.mentionedUserIds);
  if (event.kind === "created" || event.kind === "replied" || event.kind === "edited") {
    for (const userId of mentioned) drafts.push({ ...base, userId, kind: "mentioned" });
  }
  if (event.kind === "replied") {
    for (const userId of new Set(event.threadParticipantIds)) {
      if (!mentioned.has(userId)) drafts.push({ ...base, userId, kind: "comment_reply" });
    }
  }
  const author = event.threadParticipantIds[0];
  if (event.kind === "resolved" && author) drafts.push({ ...base, userId: author, kind: "thread_resolved" });
  return notifyReaders(db, drafts);
}
