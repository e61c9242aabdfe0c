import { authorizeBriefing, type UserActor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { tryTake } from "@/lib/rate-limit";
import { afterCommentWrite, type CommentEvent } from "./after-write";
import { mentionedUserIds } from "./mentions";
import { COMMENT_LIMITS, type CreateCommentInput } from "./schema";

/**
 * Comment writes, shared by the server actions and the public API: authorize through the one
 * permission module, check budgets, write (in a transaction when several rows change), then call
 * afterCommentWrite. Callers have parsed the input with lib/comments/schema.ts.
 */

const NO_COMMENT = "No such comment.";

async function limitRate(db: Db, actor: UserActor): Promise<void> {
  const wait = await tryTake(db, `comments:${actor.id}`, COMMENT_LIMITS.writesPerMinute, Date.now());
  if (wait !== null) {
    throw new AppError("rate_limited", `Too many comment changes at once; try again in ${wait} s.`, {
      retryAfter: wait,
    });
  }
}

/** Ids of everyone who wrote in a thread (for notifications), the actor included. */
async function participants(db: Db, threadId: string): Promise<string[]> {
  // Oldest first: the thread's author leads (notifications tell them when their thread is resolved).
  const rows = await db.comment.findMany({
    where: { threadId },
    select: { authorId: true },
    distinct: ["authorId"],
    orderBy: { createdAt: "asc" },
  });
  return rows.flatMap((r) => (r.authorId ? [r.authorId] : []));
}

async function emit(db: Db, event: Omit<CommentEvent, "threadParticipantIds">, body?: string): Promise<void> {
  await afterCommentWrite(db, { ...event, threadParticipantIds: await participants(db, event.threadId) }, body);
}

/** Mentions of a body, bounded. */
function mentionsOf(body: string): string[] {
  const ids = mentionedUserIds(body);
  if (ids.length > COMMENT_LIMITS.mentionsPerComment) {
    const message = `Mention at most ${COMMENT_LIMITS.mentionsPerComment} people in one comment.`;
    throw new AppError("unprocessable", message, { body: [message] });
  }
  return ids;
}

/**
 * How many threads the briefing holds, counted in the database: fetching the thread ids to count
 * them took ~24 ms of CPU per new comment on a briefing with 2,000 threads (bench:comments).
 */
async function threadCount(db: Db, briefingId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(DISTINCT "threadId") AS n FROM "Comment" WHERE "briefingId" = ${briefingId}`;
  return Number(row?.n ?? 0);
}

async function liveBriefing(db: Db, briefingId: string): Promise<void> {
  const briefing = await db.briefing.findUnique({ where: { id: briefingId }, select: { deletedAt: true } });
  if (briefing?.deletedAt) throw new AppError("conflict", "Restore the briefing before commenting on it.");
}

/** Starts a thread (with a quote and anchor) or, with parentId, replies to one. Returns the comment id. */
export async function createComment(
  db: Db,
  actor: UserActor,
  briefingId: string,
  input: CreateCommentInput,
): Promise<{ id: string; threadId: string }> {
  await authorizeBriefing(db, actor, briefingId, "comment");
  await liveBriefing(db, briefingId);
  const mentions = mentionsOf(input.body);
  if (input.parentId) {
    const parent = await db.comment.findUnique({
      where: { id: input.parentId },
      select: { briefingId: true, threadId: true },
    });
    if (!parent || parent.briefingId !== briefingId) {
      throw new AppError("not_found", "The thread you answered was deleted.", { parentId: [NO_COMMENT] });
    }
    const count = await db.comment.count({ where: { threadId: parent.threadId } });
    if (count >= COMMENT_LIMITS.commentsPerThread) {
      throw new AppError(
        "conflict",
        `A thread holds at most ${COMMENT_LIMITS.commentsPerThread} comments; start a new one.`,
      );
    }
    await limitRate(db, actor);
    const reply = await db.comment.create({
      data: {
        briefingId,
        threadId: parent.threadId,
        authorId: actor.id,
        body: input.body,
        mentions: JSON.stringify(mentions),
      },
      select: { id: true },
    });
    await emit(
      db,
      {
        kind: "replied",
        briefingId,
        threadId: parent.threadId,
        commentId: reply.id,
        actorId: actor.id,
        mentionedUserIds: mentions,
      },
      input.body,
    );
    return { id: reply.id, threadId: parent.threadId };
  }
  if ((await threadCount(db, briefingId)) >= COMMENT_LIMITS.threadsPerBriefing) {
    throw new AppError(
      "conflict",
      `A briefing holds at most ${COMMENT_LIMITS.threadsPerBriefing} comment threads; delete resolved ones first.`,
    );
  }
  await limitRate(db, actor);
  const id = await db.$transaction(async (tx) => {
    const row = await tx.comment.create({
      data: {
        briefingId,
        threadId: "",
        authorId: actor.id,
        body: input.body,
        mentions: JSON.stringify(mentions),
        quote: input.quote ?? null,
        anchor: input.anchor ? JSON.stringify(input.anchor) : null,
      },
      select: { id: true },
    });
    // A thread is named by its first comment.
    await tx.comment.update({ where: { id: row.id }, data: { threadId: row.id } });
    return row.id;
  });
  await emit(
    db,
    {
      kind: "created",
      briefingId,
      threadId: id,
      commentId: id,
      actorId: actor.id,
      mentionedUserIds: mentions,
    },
    input.body,
  );
  return { id, threadId: id };
}

type Target = { id: string; briefingId: string; threadId: string; authorId: string | null; deletedAt: Date | null };

/**
 * The comment named by id, after checking the actor may `action` on its briefing; a comment of a
 * briefing the actor cannot see answers like a missing comment. With `briefingId`, a comment of
 * another briefing counts as missing.
 */
async function loadTarget(db: Db, actor: UserActor, commentId: string, briefingId?: string): Promise<Target> {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, briefingId: true, threadId: true, authorId: true, deletedAt: true },
  });
  if (!comment || comment.deletedAt || (briefingId !== undefined && comment.briefingId !== briefingId)) {
    throw new AppError("not_found", NO_COMMENT);
  }
  try {
    await authorizeBriefing(db, actor, comment.briefingId, "comment");
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", NO_COMMENT);
    throw error;
  }
  return comment;
}

/** Replaces the body of the actor's own comment; anyone else's is refused. */
export async function editComment(db: Db, actor: UserActor, commentId: string, body: string, briefingId?: string) {
  const target = await loadTarget(db, actor, commentId, briefingId);
  if (target.authorId !== actor.id) throw new AppError("forbidden", "You can only edit your own comments.");
  await limitRate(db, actor);
  const mentions = mentionsOf(body);
  await db.comment.update({
    where: { id: target.id },
    data: { body, mentions: JSON.stringify(mentions), editedAt: new Date() },
  });
  await emit(
    db,
    {
      kind: "edited",
      briefingId: target.briefingId,
      threadId: target.threadId,
      commentId: target.id,
      actorId: actor.id,
      mentionedUserIds: mentions,
    },
    body,
  );
  return target;
}

/** Resolves or reopens the thread of a comment (anyone who may comment), recording who did it. */
export async function setThreadResolved(
  db: Db,
  actor: UserActor,
  commentId: string,
  resolved: boolean,
  briefingId?: string,
) {
  const target = await loadTarget(db, actor, commentId, briefingId);
  await limitRate(db, actor);
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: target.threadId, resolvedAt: resolved ? null : { not: null } },
      data: { resolvedAt: resolved ? new Date() : null },
    });
    if (count === 0) return false;
    const kind = resolved ? "resolved" : "reopened";
    await tx.commentEvent.create({
      data: {
        briefingId: target.briefingId,
        threadId: target.threadId,
        commentId: target.threadId,
        kind,
        actorId: actor.id,
      },
    });
    return true;
  });
  // Already in that state (someone else was quicker): nothing to announce, nothing to refuse.
  if (changed) {
    const kind = resolved ? "resolved" : "reopened";
    await emit(db, {
      kind,
      briefingId: target.briefingId,
      threadId: target.threadId,
      commentId: target.threadId,
      actorId: actor.id,
      mentionedUserIds: [],
    });
  }
  return target;
}

/**
 * Deletes a comment: one's own, or anyone's for those who moderate (the owner). A first comment
 * that has replies stays as a tombstone; a thread whose comments are all gone disappears.
 */
export async function deleteComment(db: Db, actor: UserActor, commentId: string, briefingId?: string) {
  const target = await loadTarget(db, actor, commentId, briefingId);
  if (target.authorId !== actor.id) {
    await authorizeBriefing(db, actor, target.briefingId, "moderate-comments").catch(() => {
      throw new AppError("forbidden", "You can only delete your own comments.");
    });
  }
  await limitRate(db, actor);
  const threadParticipantIds = await participants(db, target.threadId);
  await db.$transaction(async (tx) => {
    if (target.id === target.threadId) {
      await tx.comment.update({ where: { id: target.id }, data: { body: "", mentions: "[]", deletedAt: new Date() } });
    } else {
      await tx.comment.delete({ where: { id: target.id } });
    }
    const left = await tx.comment.count({ where: { threadId: target.threadId, deletedAt: null } });
    if (left === 0) {
      await tx.comment.deleteMany({ where: { threadId: target.threadId } });
      await tx.commentEvent.deleteMany({ where: { threadId: target.threadId } });
      return;
    }
    await tx.commentEvent.create({
      data: {
        briefingId: target.briefingId,
        threadId: target.threadId,
        commentId: target.id,
        kind: "deleted",
        actorId: actor.id,
      },
    });
  });
  await afterCommentWrite(db, {
    kind: "deleted",
    briefingId: target.briefingId,
    threadId: target.threadId,
    commentId: target.id,
    actorId: actor.id,
    mentionedUserIds: [],
    threadParticipantIds,
  });
  return target;
}
