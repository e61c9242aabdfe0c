import type { NotificationView } from "@/lib/notifications/queries";

/** One sentence saying what happened ("Ana mentioned you in Baltic brief"). */
export function describeNotification(n: NotificationView): string {
  const who = n.actor?.name ?? "Someone";
  const where = n.briefingTitle ? `“${n.briefingTitle}”` : "a briefing";
  switch (n.kind) {
    case "mentioned":
      return n.threadId ? `${who} mentioned you in a comment on ${where}` : `You were mentioned in ${where}`;
    case "comment_reply":
      return `${who} replied in a thread on ${where}`;
    case "thread_resolved":
      return `${who} resolved your thread on ${where}`;
    case "briefing_shared":
      return `${who} shared ${where} with you${n.excerpt ? ` as ${n.excerpt.toLowerCase()}` : ""}`;
    case "access_requested":
      return `${who} asked for access to ${where}`;
    case "catalog_changed":
      return `The catalog changed a value ${where} cites`;
    case "clearance_requested":
      return `${who} asked for your clearance of ${where}`;
    case "clearance_answered":
      return `${who} answered your clearance request on ${where}`;
    case "clearance_finalized":
      return `${who} finalized the clearance of ${where}`;
    case "clearance_overdue":
      return `The clearance deadline of ${where} has passed`;
    default:
      return `Activity on ${where}`;
  }
}

/** The excerpt shown under the sentence, when it adds something (not the role of a share). */
export function notificationDetail(n: NotificationView): string | null {
  return n.kind === "briefing_shared" || !n.excerpt ? null : n.excerpt;
}

/** A short relative time ("3 min ago"), falling back to the date. */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return "just now";
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}
