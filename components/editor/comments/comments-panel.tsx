"use client";

import { defaultRangeExtractor, type Range, useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { addComment } from "@/lib/comments/actions";
import type { ThreadView } from "@/lib/comments/queries";
import type { CommentAnchor } from "@/lib/comments/schema";
import { CommentComposer } from "./comment-composer";
import { ThreadCard } from "./thread-card";
import "./comments.css";

/** A selection waiting for its first comment. */
export type PendingComment = { anchor: CommentAnchor; quote: string };

export type CommentsPanelProps = {
  briefingId: string;
  me: string;
  threads: ThreadView[] | null;
  error: string | null;
  canComment: boolean;
  canModerate: boolean;
  canShare: boolean;
  activeId: string | null;
  orphaned: ReadonlySet<string>;
  pending: PendingComment | null;
  onCancelPending: () => void;
  onSelect: (thread: ThreadView) => void;
  onChanged: () => void;
  /** Suggestions (track changes) listed above the threads: the same panel, not a second one. */
  suggestions?: ReactNode;
};

const FILTERS = ["Open", "Resolved", "All", "Mine", "Mentioning me"] as const;
type Filter = (typeof FILTERS)[number];

function matches(filter: Filter, thread: ThreadView, me: string): boolean {
  switch (filter) {
    case "Open":
      return !thread.resolved;
    case "Resolved":
      return thread.resolved;
    case "All":
      return true;
    case "Mine":
      return thread.comments.some((c) => c.author?.id === me);
    case "Mentioning me":
      return thread.comments.some((c) => c.mentions.includes(me));
  }
}

const EMPTY: Record<Filter, string> = {
  Open: "No open comments.",
  Resolved: "No resolved comments.",
  All: "No comments yet.",
  Mine: "You have not commented yet.",
  "Mentioning me": "Nobody has mentioned you.",
};

/** A first guess of a thread card's height (px) before it is measured. */
const ESTIMATED_CARD = 180;

/**
 * The comments side panel: filters, the new-comment box for a selection, and the threads. The
 * list is virtualized (a briefing under review can hold thousands of threads): only the cards in
 * view, a few around them, the active one and any with an open reply or edit box are rendered.
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const { briefingId, me, threads, canComment, activeId, pending } = props;
  const [filter, setFilter] = useState<Filter>("Open");
  const list = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => (threads ?? []).filter((t) => matches(filter, t, me)), [threads, filter, me]);
  const openCount = threads?.filter((t) => !t.resolved).length ?? 0;
  // Threads with an open reply or edit box: kept rendered when scrolled away (typed text stays).
  const [composing, setComposing] = useState<ReadonlySet<string>>(new Set());
  const composingHandlers = useRef(new Map<string, (open: boolean) => void>());
  const onComposing = useCallback((threadId: string) => {
    let handler = composingHandlers.current.get(threadId);
    if (!handler) {
      handler = (open: boolean) =>
        setComposing((current) => {
          if (current.has(threadId) === open) return current;
          const next = new Set(current);
          if (open) next.add(threadId);
          else next.delete(threadId);
          return next;
        });
      composingHandlers.current.set(threadId, handler);
    }
    return handler;
  }, []);
  const pinned = useMemo(() => {
    const indices: number[] = [];
    shown.forEach((t, i) => {
      if (t.id === activeId || composing.has(t.id)) indices.push(i);
    });
    return indices;
  }, [shown, activeId, composing]);
  // ?commentsVirtual=0 renders every card (how bench:comments measures what virtualizing saves).
  const [renderAll] = useState(
    () => typeof window !== "undefined" && new URLSearchParams(window.location.search).get("commentsVirtual") === "0",
  );
  const rangeExtractor = useCallback(
    (range: Range) =>
      renderAll
        ? Array.from({ length: range.count }, (_, i) => i)
        : [...new Set([...defaultRangeExtractor(range), ...pinned])].sort((a, b) => a - b),
    [pinned, renderAll],
  );
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => list.current,
    estimateSize: () => ESTIMATED_CARD,
    getItemKey: (index) => shown[index]?.id ?? index,
    overscan: 4,
    gap: 10,
    rangeExtractor,
  });

  // The thread whose text has the caret or the pointer comes into view.
  useEffect(() => {
    if (!activeId) return;
    const index = shown.findIndex((t) => t.id === activeId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
  }, [activeId, shown, virtualizer]);

  const reply = (threadId: string) => async (body: string) => {
    const result = await addComment({ briefingId, body, parentId: threadId });
    if (!result.ok) return result.message;
    props.onChanged();
    return null;
  };

  return (
    <section className="comments-panel" aria-labelledby="comments-heading" data-testid="comments-panel">
      <header className="comments-panel__header">
        <h2 id="comments-heading">
          Comments {threads ? <span className="comments-panel__count">{openCount} open</span> : null}
        </h2>
        {canComment ? <p className="comments-panel__hint muted">Select text, then Ctrl+Alt+M to comment.</p> : null}
        <fieldset className="segmented">
          <legend className="visually-hidden">Show</legend>
          {FILTERS.map((name) => (
            <button
              key={name}
              type="button"
              className="segmented__option"
              aria-pressed={filter === name}
              onClick={() => setFilter(name)}
            >
              {name}
            </button>
          ))}
        </fieldset>
      </header>
      {pending && canComment ? (
        <div className="thread thread--new" data-testid="new-comment">
          <p className="thread__quote thread__quote--static">
            <q>{pending.quote}</q>
          </p>
          <CommentComposer
            briefingId={briefingId}
            canShare={props.canShare}
            label="Comment"
            submitLabel="Comment"
            autoFocus
            onCancel={props.onCancelPending}
            onSubmit={async (body) => {
              const result = await addComment({ briefingId, body, quote: pending.quote, anchor: pending.anchor });
              if (!result.ok) return result.message;
              props.onCancelPending();
              setFilter((f) => (f === "Resolved" ? "Open" : f));
              props.onChanged();
              return null;
            }}
          />
        </div>
      ) : null}
      {props.error ? (
        <p className="notice notice--warning" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.suggestions}
      <div className="comments-panel__list" ref={list}>
        {threads === null ? <p className="muted">Loading comments…</p> : null}
        {threads !== null && shown.length === 0 ? <p className="muted comments-panel__empty">{EMPTY[filter]}</p> : null}
        <div className="comments-panel__rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const thread = shown[item.index];
            if (!thread) return null;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="comments-panel__row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <ThreadCard
                  briefingId={briefingId}
                  thread={thread}
                  me={me}
                  canComment={canComment}
                  canModerate={props.canModerate}
                  canShare={props.canShare}
                  active={thread.id === activeId}
                  orphaned={props.orphaned.has(thread.id)}
                  onSelect={() => props.onSelect(thread)}
                  onReply={reply(thread.id)}
                  onChanged={props.onChanged}
                  onComposing={onComposing(thread.id)}
                />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
