import { can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { excerptOf, MAX_NOTIFICATIONS_PER_USER, MAX_RECIPIENTS_PER_EVENT, type NotificationKind } from "./kinds";

/** A client or an interactive-transaction client: notifications can join the caller's transaction. */
export type NotificationWriter = Pick<Db, "notification">;

/** One notification to create. */
export type NotificationDraft = {
  userId: string;
  kind: NotificationKind;
  briefingId?: string | null;
  actorId?: string | null;
  threadId?: string | null;
  commentId?: string | null;
  excerpt?: string;
};

/**
 * Whether an equal notification already exists, so a repeated event does not notify twice: for a
 * comment, any notification of that kind about that comment (read or not: editing a comment does
 * not repeat its mentions); otherwise an unread one of the same kind, briefing, thread and actor.
 */
async function isDuplicate(db: NotificationWriter, draft: NotificationDraft): Promise<boolean> {
  const where = draft.commentId
    ? { userId: draft.userId, kind: draft.kind, commentId: draft.commentId }
    : {
        userId: draft.userId,
        kind: draft.kind,
        briefingId: draft.briefingId ?? null,
        threadId: draft.threadId ?? null,
        actorId: draft.actorId ?? null,
        readAt: null,
      };
  return (await db.notification.findFirst({ where, select: { id: true } })) !== null;
}

/** Drops a user's notifications beyond the newest MAX_NOTIFICATIONS_PER_USER. */
async function enforceRetention(db: NotificationWriter, userId: string): Promise<void> {
  const beyond = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: MAX_NOTIFICATIONS_PER_USER,
    select: { id: true },
  });
  if (beyond.length) await db.notification.deleteMany({ where: { id: { in: beyond.map((n) => n.id) } } });
}

/**
 * Creates notifications, without access checks (for callers that just gave the recipient access,
 * inside their transaction): never one for its own actor, one per recipient and kind per event,
 * none that duplicates an existing one (see isDuplicate), at most MAX_RECIPIENTS_PER_EVENT; then
 * each recipient keeps only their newest MAX_NOTIFICATIONS_PER_USER. Returns how many were created.
 */
export async function recordNotifications(db: NotificationWriter, drafts: NotificationDraft[]): Promise<number> {
  const seen = new Set<string>();
  let created = 0;
  for (const draft of drafts) {
    if (draft.actorId && draft.userId === draft.actorId) continue;
    const key = `${draft.userId}\u0000${draft.kind}`;
    if (seen.has(key) || seen.size >= MAX_RECIPIENTS_PER_EVENT) continue;
    seen.add(key);
    if (await isDuplicate(db, draft)) continue;
    await db.notification.create({
      data: {
        userId: draft.userId,
        kind: draft.kind,
        briefingId: draft.briefingId ?? null,
        actorId: draft.actorId ?? null,
        threadId: draft.threadId ?? null,
        commentId: draft.commentId ?? null,
        excerpt: excerptOf(draft.excerpt ?? ""),
      },
    });
    await enforceRetention(db, draft.userId);
    created++;
  }
  return created;
}

/** Whether the user may read the briefing now, through `can()`. */
export async function canRead(db: Db, userId: string, briefingId: string): Promise<boolean> {
  return can(db, { id: userId, isAdmin: false, catalogEditor: false }, { action: "briefing:read", briefingId });
}

/**
 * Creates notifications about a briefing for those of the recipients who may read it now (through
 * `can()`); the rest are skipped silently (a mention of someone without access tells them nothing).
 */
export async function notifyReaders(db: Db, drafts: NotificationDraft[]): Promise<number> {
  const allowed: NotificationDraft[] = [];
  for (const draft of drafts.slice(0, MAX_RECIPIENTS_PER_EVENT * 2)) {
    if (draft.actorId && draft.userId === draft.actorId) continue;
    if (!draft.briefingId || (await canRead(db, draft.userId, draft.briefingId))) allowed.push(draft);
  }
  return recordNotifications(db, allowed);
}
