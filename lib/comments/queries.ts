import type { Db } from "@/lib/db";
import type { CommentAnchor } from "./schema";

/** One comment as every client sees it. A deleted one (a tombstone kept for its replies) has body "". */
export type CommentView = {
  id: string;
  author: { id: string; name: string } | null;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
};

/** Who resolved, reopened or deleted what, and when. */
export type ThreadActivity = {
  kind: "resolved" | "reopened" | "deleted";
  commentId: string;
  actor: { id: string; name: string } | null;
  at: string;
};

/** A thread: its anchor and quote, its comments in order (the first one opened it), its audit. */
export type ThreadView = {
  id: string;
  quote: string | null;
  anchor: CommentAnchor | null;
  resolved: boolean;
  resolvedAt: string | null;
  createdAt: string;
  comments: CommentView[];
  activity: ThreadActivity[];
};

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const person = (user: { id: string; name: string } | null) => (user ? { id: user.id, name: user.name } : null);

/**
 * Every thread of a briefing with its replies and audit, oldest thread first. No authorization
 * here: callers check `briefing:read-comments` first.
 */
export async function listThreads(db: Db, briefingId: string, threadId?: string): Promise<ThreadView[]> {
  const where = threadId ? { briefingId, threadId } : { briefingId };
  const [comments, events] = await Promise.all([
    db.comment.findMany({
      where,
      select: {
        id: true,
        threadId: true,
        body: true,
        mentions: true,
        quote: true,
        anchor: true,
        resolvedAt: true,
        editedAt: true,
        deletedAt: true,
        createdAt: true,
        // Authors are read once each below: joining them row by row took twice as long for
        // 10,000 comments (bench:comments).
        authorId: true,
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.commentEvent.findMany({
      where,
      select: {
        threadId: true,
        commentId: true,
        kind: true,
        createdAt: true,
        actor: { select: { id: true, name: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const authorIds = [...new Set(comments.flatMap((c) => (c.authorId ? [c.authorId] : [])))];
  const authors = new Map(
    (await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u,
    ]),
  );
  const threads = new Map<string, ThreadView>();
  for (const c of comments) {
    if (c.id !== c.threadId) continue;
    threads.set(c.id, {
      id: c.id,
      quote: c.quote,
      anchor: parseJson<CommentAnchor | null>(c.anchor, null),
      resolved: c.resolvedAt !== null,
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      createdAt: c.createdAt.toISOString(),
      comments: [],
      activity: [],
    });
  }
  for (const c of comments) {
    threads.get(c.threadId)?.comments.push({
      id: c.id,
      author: person((c.authorId && authors.get(c.authorId)) || null),
      body: c.deletedAt ? "" : c.body,
      mentions: c.deletedAt ? [] : parseJson<string[]>(c.mentions, []),
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      deleted: c.deletedAt !== null,
    });
  }
  for (const e of events) {
    threads.get(e.threadId)?.activity.push({
      kind: e.kind as ThreadActivity["kind"],
      commentId: e.commentId,
      actor: person(e.actor),
      at: e.createdAt.toISOString(),
    });
  }
  return [...threads.values()];
}

/** One thread (or null when it is gone), for answers to writes. */
export async function getThread(db: Db, briefingId: string, threadId: string): Promise<ThreadView | null> {
  return (await listThreads(db, briefingId, threadId))[0] ?? null;
}
