"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { countUnreadNotifications, listNotifications, markNotificationsRead, type NotificationPage } from "./queries";
import { emailPreferenceSchema, markReadSchema } from "./schema";

/** The caller's own notifications: newest page plus the unread count (the bell and the inbox). */
export const loadInbox = defineAction(
  {
    schema: z.object({ unread: z.boolean().optional(), cursor: z.string().max(64).optional() }),
    permission: "signed-in",
  },
  async ({ user, data, db }): Promise<NotificationPage & { unreadCount: number }> => ({
    ...(await listNotifications(db, user.id, { unread: data.unread, cursor: data.cursor })),
    unreadCount: await countUnreadNotifications(db, user.id),
  }),
);

/** Marks some (`{ ids }`) or all (`{ all: true }`) of the caller's notifications read. */
export const markRead = defineAction(
  // No revalidation: the bell and the inbox update their own state, and a refresh of whatever page
  // is open (an editor) would be wasted work.
  { schema: markReadSchema, permission: "signed-in" },
  async ({ user, data, db }) => ({
    changed: await markNotificationsRead(db, user.id, data),
    unreadCount: await countUnreadNotifications(db, user.id),
  }),
);

/** Sets what the caller is e-mailed about (account page). */
export const setEmailPreference = defineAction(
  { schema: emailPreferenceSchema, permission: "signed-in", revalidate: () => ["/account"] },
  async ({ user, data, db }) => {
    await db.notificationSetting.upsert({
      where: { userId: user.id },
      create: { userId: user.id, email: data.email },
      update: { email: data.email },
    });
    return null;
  },
);
