import type { Db } from "@/lib/db";
import { EMAIL_PREFERENCES, type EmailPreference, notificationHref } from "./kinds";

/** A notification as the inbox and the API show it. */
export type NotificationView = {
  id: string;
  kind: string;
  briefingId: string | null;
  briefingTitle: string | null;
  threadId: string | null;
  commentId: string | null;
  actor: { id: string; name: string } | null;
  excerpt: string;
  href: string;
  createdAt: string;
  readAt: string | null;
};

export type NotificationPage = { notifications: NotificationView[]; nextCursor: string | null };

export const NOTIFICATION_PAGE_DEFAULT = 30;
export const NOTIFICATION_PAGE_MAX = 100;

/**
 * A user's notifications, newest first, `limit` at a time; `cursor` is the id of the last one of
 * the previous page (an id that is not the user's starts from the top).
 */
export async function listNotifications(
  db: Db,
  userId: string,
  options: { unread?: boolean; cursor?: string; limit?: number } = {},
): Promise<NotificationPage> {
  const limit = Math.min(options.limit ?? NOTIFICATION_PAGE_DEFAULT, NOTIFICATION_PAGE_MAX);
  const where = { userId, ...(options.unread ? { readAt: null } : {}) };
  const from = options.cursor
    ? await db.notification.findFirst({ where: { id: options.cursor, userId }, select: { id: true, createdAt: true } })
    : null;
  const rows = await db.notification.findMany({
    where: from
      ? {
          ...where,
          OR: [{ createdAt: { lt: from.createdAt } }, { createdAt: from.createdAt, id: { lt: from.id } }],
        }
      : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      kind: true,
      briefingId: true,
      threadId: true,
      commentId: true,
      excerpt: true,
      createdAt: true,
      readAt: true,
      briefing: { select: { title: true } },
      actor: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, limit);
  return {
    notifications: page.map((n) => ({
      id: n.id,
      kind: n.kind,
      briefingId: n.briefingId,
      briefingTitle: n.briefing?.title ?? null,
      threadId: n.threadId,
      commentId: n.commentId,
      actor: n.actor,
      excerpt: n.excerpt,
      href: notificationHref(n),
      createdAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}

/** How many unread notifications the user has (the bell's number). */
export function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/**
 * Marks the user's notifications read: the listed ids (ids that are not the user's are ignored),
 * or all of them. Returns how many changed.
 */
export async function markNotificationsRead(
  db: Db,
  userId: string,
  target: { ids: string[] } | { all: true },
): Promise<number> {
  const ids = "ids" in target ? { id: { in: target.ids } } : {};
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...ids },
    data: { readAt: new Date() },
  });
  return count;
}

/** What the user is e-mailed about (the default when they never chose). */
export async function getEmailPreference(db: Db, userId: string): Promise<EmailPreference> {
  const row = await db.notificationSetting.findUnique({ where: { userId }, select: { email: true } });
  return (EMAIL_PREFERENCES as readonly string[]).includes(row?.email ?? "")
    ? (row?.email as EmailPreference)
    : "mentions";
}
