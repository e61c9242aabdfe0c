"use client";

import Link from "next/link";
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { loadInbox, markRead } from "@/lib/notifications/actions";
import type { NotificationView } from "@/lib/notifications/queries";
import { NotificationItem } from "./notification-item";
import { useUnreadCount } from "./use-unread-count";

export type NotificationBellProps = { initialUnread: number };

type Inbox =
  | { state: "closed" }
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "ready"; items: NotificationView[] };

/**
 * The header's bell: the unread count (polled, see useUnreadCount) and a dropdown with the newest
 * notifications; opening one marks it read. Escape or a click outside closes it and returns focus
 * to the bell; Up/Down move between the entries.
 */
export function NotificationBell({ initialUnread }: NotificationBellProps) {
  const { count, setCount } = useUnreadCount(initialUnread);
  const [inbox, setInbox] = useState<Inbox>({ state: "closed" });
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const open = inbox.state !== "closed";

  const load = useCallback(async () => {
    setInbox({ state: "loading" });
    const result = await loadInbox({});
    if (!result.ok) return setInbox({ state: "error", message: result.message });
    setCount(result.data.unreadCount);
    setInbox({ state: "ready", items: result.data.notifications });
  }, [setCount]);

  const close = useCallback((focusBell: boolean) => {
    setInbox({ state: "closed" });
    if (focusBell) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open, close]);

  const mark = async (target: { ids: string[] } | { all: true }) => {
    const result = await markRead(target);
    if (!result.ok) return setInbox({ state: "error", message: result.message });
    setCount(result.data.unreadCount);
    const now = new Date().toISOString();
    setInbox((current) =>
      current.state !== "ready"
        ? current
        : {
            state: "ready",
            items: current.items.map((n) =>
              "all" in target || target.ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n,
            ),
          },
    );
  };

  const onOpenItem = (n: NotificationView) => {
    if (n.readAt === null) void mark({ ids: [n.id] });
    close(false);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && open) {
      e.stopPropagation();
      close(true);
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const links = Array.from(root.current?.querySelectorAll<HTMLElement>(".notification__link") ?? []);
    if (!links.length) return;
    e.preventDefault();
    const at = links.indexOf(document.activeElement as HTMLElement);
    const next = e.key === "ArrowDown" ? (at + 1) % links.length : (at <= 0 ? links.length : at) - 1;
    links[next]?.focus();
  };

  const label = count === 0 ? "Notifications, none unread" : `Notifications, ${count} unread`;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: catches Escape and arrow keys bubbling from the dropdown's own controls
    <div ref={root} className="bell" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="bell__button"
        aria-label={label}
        aria-expanded={open}
        aria-controls="bell-panel"
        data-testid="notification-bell"
        onClick={() => (open ? close(false) : void load())}
      >
        {/* An SVG, not an emoji: servers and kiosks often lack an emoji font. */}
        <svg aria-hidden="true" className="bell__icon" viewBox="0 0 24 24" width="20" height="20">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15a2.5 2.5 0 0 0 5 0Z"
            fill="currentColor"
          />
        </svg>
        {count > 0 ? (
          <span className="bell__count" aria-hidden="true" data-testid="notification-count">
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <section id="bell-panel" className="bell__panel" aria-label="Notifications">
          <header className="bell__header">
            <h2>Notifications</h2>
            <button
              type="button"
              className="link-button"
              onClick={() => void mark({ all: true })}
              disabled={count === 0}
            >
              Mark all read
            </button>
          </header>
          {inbox.state === "loading" ? (
            <p className="bell__state" role="status">
              Loading…
            </p>
          ) : null}
          {inbox.state === "error" ? (
            <p className="bell__state" role="alert">
              {inbox.message}
            </p>
          ) : null}
          {inbox.state === "ready" && inbox.items.length === 0 ? (
            <p className="bell__state">You are all caught up: mentions, replies and shares will show up here.</p>
          ) : null}
          {inbox.state === "ready" && inbox.items.length ? (
            <ul className="notification-list">
              {inbox.items.map((n) => (
                <NotificationItem
                  key={n.id}
                  notification={n}
                  onOpen={onOpenItem}
                  onMarkRead={(x) => void mark({ ids: [x.id] })}
                />
              ))}
            </ul>
          ) : null}
          <footer className="bell__footer">
            <Link href="/notifications" onClick={() => close(false)}>
              All notifications
            </Link>
          </footer>
        </section>
      ) : null}
    </div>
  );
}
