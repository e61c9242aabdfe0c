import { z } from "zod";
import { EMAIL_PREFERENCES } from "./kinds";
import { NOTIFICATION_PAGE_MAX } from "./queries";

const notificationId = z.string().trim().min(1).max(64);

/** How many ids one "mark read" call may name. */
export const MAX_IDS_PER_MARK = 100;

/** `{ "ids": [...] }` or `{ "all": true }`. */
export const markReadSchema = z.union([
  z.object({ ids: z.array(notificationId).min(1, "name at least one id").max(MAX_IDS_PER_MARK) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

/** Query of GET /api/v1/notifications. */
export const listNotificationsQuery = z
  .object({
    unread: z.enum(["true", "false"]).optional(),
    cursor: notificationId.optional(),
    limit: z.coerce.number().int().min(1).max(NOTIFICATION_PAGE_MAX).optional(),
  })
  .strict();

export const emailPreferenceSchema = z.object({
  email: z.enum(EMAIL_PREFERENCES, "Choose mentions, all or none."),
});
