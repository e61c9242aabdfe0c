import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "@/lib/notifications/queries";
import type { listNotificationsQuery, markReadSchema } from "@/lib/notifications/schema";
import type { ApiCaller } from "./caller";

/** The caller's notifications, newest first, with the cursor of the next page and the unread count. */
export async function apiListNotifications(db: Db, caller: ApiCaller, query: z.infer<typeof listNotificationsQuery>) {
  const page = await listNotifications(db, caller.actor.id, {
    unread: query.unread === "true",
    cursor: query.cursor,
    limit: query.limit,
  });
  return { ...page, unreadCount: await countUnreadNotifications(db, caller.actor.id) };
}

/**
 * Marks the caller's notifications read (ids of someone else's are ignored). A write: a read token
 * gets 403, like every other write.
 */
export async function apiMarkNotificationsRead(db: Db, caller: ApiCaller, input: z.infer<typeof markReadSchema>) {
  if (caller.actor.tokenScope === "read") throw new AppError("forbidden", "This token may only read.");
  const changed = await markNotificationsRead(db, caller.actor.id, input);
  return { changed, unreadCount: await countUnreadNotifications(db, caller.actor.id) };
}

/** The shape of one notification in API answers (for the OpenAPI document). */
export const apiNotificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  briefingId: z.string().nullable(),
  briefingTitle: z.string().nullable(),
  threadId: z.string().nullable(),
  commentId: z.string().nullable(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  excerpt: z.string(),
  href: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const apiNotificationListSchema = z.object({
  notifications: z.array(apiNotificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
