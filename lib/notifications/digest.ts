import { sendMail } from "@/lib/auth/mail";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { describeNotification } from "./describe";
import { type EmailPreference, MENTION_AND_REPLY_KINDS } from "./kinds";
import { getEmailPreference, listNotifications } from "./queries";

/** How often the digest loop runs: unread notifications wait at most this long for their mail. */
export const DIGEST_INTERVAL_MS = 5 * 60_000;

/** Users mailed per round (the rest wait for the next round), and entries listed per mail. */
export const DIGEST_USERS_PER_ROUND = 200;
export const DIGEST_ITEMS_PER_MAIL = 20;

export type SendMail = (to: string, subject: string, text: string) => Promise<boolean>;

function wanted(preference: EmailPreference, kind: string): boolean {
  return preference === "all" || (preference === "mentions" && MENTION_AND_REPLY_KINDS.has(kind));
}

/** The text of one digest mail. */
function digestText(items: Awaited<ReturnType<typeof listNotifications>>["notifications"], baseUrl: string): string {
  const shown = items.slice(0, DIGEST_ITEMS_PER_MAIL);
  const lines = shown.flatMap((n) => [
    `- ${describeNotification(n)}`,
    ...(n.excerpt && n.kind !== "briefing_shared" ? [`  “${n.excerpt}”`] : []),
    `  ${baseUrl}${n.href}`,
    "",
  ]);
  if (items.length > shown.length) lines.push(`…and ${items.length - shown.length} more.`, "");
  lines.push(
    `All notifications: ${baseUrl}/notifications`,
    `Choose what is e-mailed to you: ${baseUrl}/account#notifications`,
  );
  return lines.join("\n");
}

/**
 * One digest round: every user with unread notifications no digest has covered yet gets at most
 * one mail listing those their preference asks for ("mentions": mentions and replies; "all";
 * "none"). The covered notifications are claimed (emailedAt) before sending, so two instances
 * never mail the same ones; a failed send releases them for the next round. Notifications the
 * preference skips are marked too, so they leave the queue. Returns how many mails were sent.
 */
export async function sendNotificationDigests(
  db: Db,
  options: { send?: SendMail; baseUrl?: string; now?: Date } = {},
): Promise<number> {
  const send = options.send ?? sendMail;
  const baseUrl = (options.baseUrl ?? env().APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const users = await db.notification.findMany({
    where: { readAt: null, emailedAt: null },
    distinct: ["userId"],
    select: { userId: true },
    take: DIGEST_USERS_PER_ROUND,
  });
  let mails = 0;
  for (const { userId } of users) {
    const claimedAt = options.now ?? new Date();
    const preference = await getEmailPreference(db, userId);
    const pending = await db.notification.findMany({
      where: { userId, readAt: null, emailedAt: null },
      select: { id: true, kind: true },
    });
    const claim = await db.notification.updateMany({
      where: { id: { in: pending.map((n) => n.id) }, emailedAt: null },
      data: { emailedAt: claimedAt },
    });
    const release = (ids: string[]) =>
      db.notification.updateMany({ where: { id: { in: ids }, emailedAt: claimedAt }, data: { emailedAt: null } });
    if (claim.count !== pending.length) {
      // Another instance is mailing this user right now: leave the rest to a later round.
      await release(pending.map((n) => n.id));
      continue;
    }
    const ids = new Set(pending.filter((n) => wanted(preference, n.kind)).map((n) => n.id));
    if (ids.size === 0) continue;
    const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
    const page = await listNotifications(db, userId, { unread: true, limit: 100 });
    const items = page.notifications.filter((n) => ids.has(n.id));
    const subject = items.length === 1 ? "1 new notification" : `${items.length} new notifications`;
    if (user && items.length && (await send(user.email, subject, digestText(items, baseUrl)))) {
      mails++;
      continue;
    }
    // Not sent: give them back to the next round.
    await db.notification.updateMany({
      where: { id: { in: [...ids] }, emailedAt: claimedAt },
      data: { emailedAt: null },
    });
  }
  return mails;
}

/**
 * Runs sendNotificationDigests every DIGEST_INTERVAL_MS when SMTP_URL is set (otherwise nothing is
 * started). Returns a stop function. A failed round is logged and retried at the next interval.
 */
export function startNotificationDigests(db: Db): () => void {
  if (!env().SMTP_URL) return () => {};
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await sendNotificationDigests(db);
    } catch (error) {
      console.error("[notification digests] round failed:", error);
    } finally {
      running = false;
    }
  }, DIGEST_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
