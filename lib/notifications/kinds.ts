/** Notification kinds and budgets. Pure data, shared by the server, the API and the inbox UI. */

export const NOTIFICATION_KINDS = [
  "mentioned",
  "comment_reply",
  "thread_resolved",
  "briefing_shared",
  "access_requested",
  "catalog_changed",
  "clearance_requested",
  "clearance_answered",
  "clearance_finalized",
  "clearance_overdue",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds about a comment thread: their link carries `#comment-<threadId>`. */
export const COMMENT_KINDS: ReadonlySet<NotificationKind> = new Set(["mentioned", "comment_reply", "thread_resolved"]);

/** How many notifications a user keeps: older ones are dropped when new ones arrive. */
export const MAX_NOTIFICATIONS_PER_USER = 500;

/** The longest excerpt stored with a notification (a hint of the text, not a copy of it). */
export const NOTIFICATION_EXCERPT_MAX = 200;

/** How many people one event may notify (a share with a huge team, a comment mentioning everyone). */
export const MAX_RECIPIENTS_PER_EVENT = 200;

/** What digest mails cover: mentions and replies (default), everything, or nothing. */
export const EMAIL_PREFERENCES = ["mentions", "all", "none"] as const;
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];

/** Kinds the "mentions" preference mails about. */
export const MENTION_AND_REPLY_KINDS: ReadonlySet<string> = new Set(["mentioned", "comment_reply"]);

/** Text cut to NOTIFICATION_EXCERPT_MAX characters on one line, with an ellipsis when cut. */
export function excerptOf(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= NOTIFICATION_EXCERPT_MAX) return line;
  // Cut on a code point boundary: a lone surrogate cannot be stored in PostgreSQL text.
  return `${Array.from(line.slice(0, NOTIFICATION_EXCERPT_MAX - 1))
    .join("")
    .replace(/[\uD800-\uDBFF]$/, "")}…`;
}

/** Kinds about a clearance chain: their link opens the briefing's Clearance section. */
export const CLEARANCE_KINDS: ReadonlySet<string> = new Set([
  "clearance_requested",
  "clearance_answered",
  "clearance_finalized",
  "clearance_overdue",
]);

/** Where a notification leads: its briefing, and the thread for comment kinds. */
export function notificationHref(n: { kind: string; briefingId: string | null; threadId: string | null }): string {
  if (!n.briefingId) return "/notifications";
  const base = `/briefings/${encodeURIComponent(n.briefingId)}`;
  if (n.kind === "catalog_changed") return `${base}#catalog-changes`;
  if (CLEARANCE_KINDS.has(n.kind)) return `${base}#clearance`;
  return n.threadId && COMMENT_KINDS.has(n.kind as NotificationKind)
    ? `${base}#comment-${encodeURIComponent(n.threadId)}`
    : base;
}
