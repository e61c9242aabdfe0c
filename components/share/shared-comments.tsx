import { CommentBody, timeAgo } from "@/components/editor/comments/comment-body";
import type { ThreadView } from "@/lib/comments/queries";
import "@/components/editor/comments/comments.css";

export type SharedCommentsProps = { threads: ThreadView[] };

/** The open comment threads of a briefing shared "with comments": read-only, quotes included. */
export function SharedComments({ threads }: SharedCommentsProps) {
  const open = threads.filter((t) => !t.resolved);
  return (
    <section
      className="comments-panel shared-comments"
      aria-labelledby="shared-comments-heading"
      data-testid="shared-comments"
    >
      <h2 id="shared-comments-heading">Comments</h2>
      {open.length === 0 ? <p className="muted">No open comments.</p> : null}
      <div className="comments-panel__list">
        {open.map((thread) => (
          <article key={thread.id} className="thread" data-testid="comment-thread">
            {thread.quote ? (
              <p className="thread__quote thread__quote--static">
                <q>{thread.quote}</q>
              </p>
            ) : null}
            <ol className="thread__comments">
              {thread.comments.map((c) =>
                c.deleted ? (
                  <li key={c.id} className="comment comment--deleted">
                    Comment deleted
                  </li>
                ) : (
                  <li key={c.id} className="comment">
                    <div className="comment__meta">
                      <strong>{c.author?.name ?? "Former member"}</strong>
                      <span className="muted">{timeAgo(c.createdAt)}</span>
                    </div>
                    <CommentBody body={c.body} />
                  </li>
                ),
              )}
            </ol>
          </article>
        ))}
      </div>
    </section>
  );
}
