"use client";

import { useState } from "react";
import { loadInbox, markRead } from "@/lib/notifications/actions";
import type { NotificationView } from "@/lib/notifications/queries";
import { NotificationItem } from "./notification-item";

export type NotificationInboxProps = {
  initial: NotificationView[];
  initialCursor: string | null;
  initialUnread: number;
};

/** Consecutive notifications about the same briefing, in list order (newest group first). */
function groupByBriefing(items: NotificationView[]) {
  const groups: { key: string; title: string; items: NotificationView[] }[] = [];
  const byKey = new Map<string, (typeof groups)[number]>();
  for (const n of items) {
    const key = n.briefingId ?? "";
    let group = byKey.get(key);
    if (!group) {
      group = { key, title: n.briefingTitle ?? "Other", items: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.items.push(n);
  }
  return groups;
}

/** The /notifications page's list: grouped by briefing, newest first, mark read, load more. */
export function NotificationInbox({ initial, initialCursor, initialUnread }: NotificationInboxProps) {
  const [items, setItems] = useState(initial);
  const [cursor, setCursor] = useState(initialCursor);
  const [unread, setUnread] = useState(initialUnread);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const mark = async (target: { ids: string[] } | { all: true }) => {
    const result = await markRead(target);
    if (!result.ok) return setError(result.message);
    setError(null);
    setUnread(result.data.unreadCount);
    const now = new Date().toISOString();
    setItems((list) =>
      list.map((n) => ("all" in target || target.ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)),
    );
  };

  const more = async () => {
    if (!cursor) return;
    setBusy(true);
    const result = await loadInbox({ cursor });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setItems((list) => [...list, ...result.data.notifications]);
    setCursor(result.data.nextCursor);
  };

  if (items.length === 0) {
    return <p className="empty-state">Nothing yet. Mentions, replies, shares and access requests will show up here.</p>;
  }
  return (
    <div className="inbox">
      <div className="inbox__toolbar">
        <p role="status">{unread === 0 ? "All read." : `${unread} unread.`}</p>
        <button
          type="button"
          className="button button--small"
          onClick={() => void mark({ all: true })}
          disabled={unread === 0}
        >
          Mark all read
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {groupByBriefing(items).map((group) => (
        <section key={group.key} className="inbox__group" aria-label={group.title}>
          <h2>{group.title}</h2>
          <ul className="notification-list">
            {group.items.map((n) => (
              <NotificationItem
                key={n.id}
                notification={n}
                onOpen={(x) => x.readAt === null && void mark({ ids: [x.id] })}
                onMarkRead={(x) => void mark({ ids: [x.id] })}
              />
            ))}
          </ul>
        </section>
      ))}
      {cursor ? (
        <button type="button" className="button button--small" onClick={() => void more()} disabled={busy}>
          {busy ? "Loading…" : "Show older"}
        </button>
      ) : null}
    </div>
  );
}
