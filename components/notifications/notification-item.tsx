"use client";

import Link from "next/link";
import { describeNotification, notificationDetail, relativeTime } from "@/lib/notifications/describe";
import type { NotificationView } from "@/lib/notifications/queries";

export type NotificationItemProps = {
  notification: NotificationView;
  /** Called before following the link (marks it read). */
  onOpen: (notification: NotificationView) => void;
  onMarkRead?: (notification: NotificationView) => void;
};

/** One notification: a link to where it happened, what happened, when, and "mark read". */
export function NotificationItem({ notification: n, onOpen, onMarkRead }: NotificationItemProps) {
  const unread = n.readAt === null;
  const detail = notificationDetail(n);
  return (
    <li className="notification" data-unread={unread} data-testid="notification">
      <Link href={n.href} className="notification__link" onClick={() => onOpen(n)}>
        {unread ? <span className="visually-hidden">Unread: </span> : null}
        <span className="notification__text">{describeNotification(n)}</span>
        {detail ? <span className="notification__excerpt">{detail}</span> : null}
        <time className="notification__time" dateTime={n.createdAt}>
          {relativeTime(n.createdAt)}
        </time>
      </Link>
      {unread && onMarkRead ? (
        <button
          type="button"
          className="notification__mark"
          onClick={() => onMarkRead(n)}
          aria-label={`Mark read: ${describeNotification(n)}`}
          title="Mark read"
        >
          ✓
        </button>
      ) : null}
    </li>
  );
}
