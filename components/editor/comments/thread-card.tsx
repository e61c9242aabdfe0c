"use client";

import { useEffect, useState } from "react";
import { removeComment, resolveThread, updateCommentText } from "@/lib/comments/actions";
import type { CommentView, ThreadActivity, ThreadView } from "@/lib/comments/queries";
import { CommentBody, timeAgo } from "./comment-body";
import { CommentComposer } from "./comment-composer";

export type ThreadCardProps = {
  briefingId: string;
  thread: ThreadView;
  me: string;
  canComment: boolean;
  canModerate: boolean;
  canShare: boolean;
  active: boolean;
  /** The anchored text was deleted: the thread keeps its quote. */
  orphaned: boolean;
  onSelect: () => void;
  /** Sends a reply; resolves to an error message or null. */
  onReply: (body: string) => Promise<string | null>;
  onChanged: () => void;
  /**
   * Told when a reply or an edit box opens or closes here: the panel keeps such a card rendered
   * while it is scrolled away (the list is virtualized), so a half-typed text is never dropped.
   */
  onComposing?: (open: boolean) => void;
};

const VERB: Record<ThreadActivity["kind"], string> = {
  resolved: "Resolved",
  reopened: "Reopened",
  deleted: "Comment deleted",
};

function activityLine(a: ThreadActivity): string {
  return `${VERB[a.kind]} by ${a.actor?.name ?? "a former member"}, ${timeAgo(a.at)}`;
}

/** One thread in the comments panel: quote, comments, audit, reply box and resolve/reopen. */
export function ThreadCard(props: ThreadCardProps) {
  const { briefingId, thread, me, canComment, active, orphaned } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  const lastState = [...thread.activity].reverse().find((a) => a.kind !== "deleted");
  const composing = replying || editing !== null;
  const { onComposing } = props;
  useEffect(() => {
    onComposing?.(composing);
  }, [composing, onComposing]);

  const act = async (run: () => Promise<{ ok: boolean; message?: string }>) => {
    const result = await run();
    setError(result.ok ? null : (result.message ?? "That did not work."));
    if (result.ok) props.onChanged();
  };

  const comment = (c: CommentView) => {
    if (c.deleted) {
      return (
        <li key={c.id} className="comment comment--deleted">
          Comment deleted
        </li>
      );
    }
    const mine = c.author?.id === me;
    return (
      <li key={c.id} className="comment" data-testid="comment">
        <div className="comment__meta">
          <strong>{c.author?.name ?? "Former member"}</strong>
          <span className="muted">
            {timeAgo(c.createdAt)}
            {c.editedAt ? " (edited)" : ""}
          </span>
        </div>
        {editing === c.id ? (
          <CommentComposer
            briefingId={briefingId}
            canShare={props.canShare}
            label="Edit comment"
            submitLabel="Save"
            initial={c.body}
            autoFocus
            onCancel={() => setEditing(null)}
            onSubmit={async (body) => {
              const result = await updateCommentText({ briefingId, commentId: c.id, body });
              if (!result.ok) return result.message;
              setEditing(null);
              props.onChanged();
              return null;
            }}
          />
        ) : (
          <CommentBody body={c.body} />
        )}
        {canComment && editing !== c.id && (mine || props.canModerate) ? (
          <div className="comment__tools">
            {mine ? (
              <button type="button" className="link-button" onClick={() => setEditing(c.id)}>
                Edit
              </button>
            ) : null}
            <button
              type="button"
              className="link-button link-button--danger"
              onClick={() => {
                if (window.confirm("Delete this comment?"))
                  void act(() => removeComment({ briefingId, commentId: c.id }));
              }}
            >
              Delete
            </button>
          </div>
        ) : null}
      </li>
    );
  };

  return (
    <article
      className={`thread${active ? " thread--active" : ""}${thread.resolved ? " thread--resolved" : ""}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      aria-label={`Comment thread${thread.quote ? ` on “${thread.quote.slice(0, 60)}”` : ""}`}
    >
      <button type="button" className="thread__quote" onClick={props.onSelect} disabled={orphaned || !thread.anchor}>
        {thread.quote ? <q>{thread.quote}</q> : <span className="muted">General comment</span>}
        {orphaned ? <span className="badge badge--warning">Text deleted</span> : null}
      </button>
      {thread.resolved && lastState ? <p className="thread__status">{activityLine(lastState)}</p> : null}
      <ol className="thread__comments">{thread.comments.map(comment)}</ol>
      {thread.activity
        .filter((a) => !(thread.resolved && a === lastState))
        .map((a) => (
          <p key={`${a.kind}-${a.at}-${a.commentId}`} className="thread__activity">
            {activityLine(a)}
          </p>
        ))}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {canComment ? (
        <div className="thread__footer">
          {replying && !thread.resolved ? (
            <CommentComposer
              briefingId={briefingId}
              canShare={props.canShare}
              label="Reply"
              submitLabel="Reply"
              autoFocus
              onCancel={() => setReplying(false)}
              onSubmit={async (body) => {
                const failed = await props.onReply(body);
                if (!failed) setReplying(false);
                return failed;
              }}
            />
          ) : (
            <div className="thread__buttons">
              {thread.resolved ? null : (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => setReplying(true)}
                >
                  Reply
                </button>
              )}
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() =>
                  act(() => resolveThread({ briefingId, commentId: thread.id, resolved: !thread.resolved }))
                }
              >
                {thread.resolved ? "Reopen" : "Resolve"}
              </button>
            </div>
          )}
        </div>
      ) : null}
    </article>
  );
}
