"use client";

import { TextSelection } from "@tiptap/pm/state";
import { type Editor, useEditorState } from "@tiptap/react";
import { useMemo, useState } from "react";
import { userColor } from "@/lib/collab/user-color";
import { isExternalAuthor } from "@/lib/editor/suggestions/marks";
import { listSuggestions, reviewAll, reviewSuggestion, type Suggestion } from "@/lib/editor/suggestions/review";
import { timeAgo } from "../comments/comment-body";
import "./suggestions.css";

export type SuggestionsSectionProps = {
  editor: Editor;
  me: string;
  /** May accept or reject anyone's suggestions (editors and owners not held to "suggestions only"). */
  canReview: boolean;
  /** May withdraw (reject) their own suggestions. */
  canWithdraw: boolean;
  /** Start a comment thread on the suggestion's text (its reply thread). */
  onDiscuss?: (range: { from: number; to: number }, quote: string) => void;
};

const clip = (text: string, n = 140) => (text.length > n ? `${text.slice(0, n)}…` : text);

/**
 * The "Suggestions" section of the comments panel: one card per suggestion (a group by one author)
 * with Accept / Reject, and Accept all / Reject all, optionally for one author. Accepting is a
 * document change like any other: it reaches everyone through Yjs and Ctrl+Z undoes it.
 */
export function SuggestionsSection({ editor, me, canReview, canWithdraw, onDiscuss }: SuggestionsSectionProps) {
  const suggestions = useEditorState({ editor, selector: ({ editor: e }) => listSuggestions(e.state.doc) });
  const [author, setAuthor] = useState("");
  const authors = useMemo(() => {
    const byId = new Map<string, string>();
    for (const s of suggestions) if (s.authorId) byId.set(s.authorId, s.authorName ?? "Someone");
    return [...byId];
  }, [suggestions]);
  if (suggestions.length === 0) return null;

  const run = (tr: ReturnType<typeof reviewSuggestion>) => {
    if (tr) editor.view.dispatch(tr);
  };
  const shown = author ? suggestions.filter((s) => s.authorId === author) : suggestions;
  const select = (s: Suggestion) => {
    const { state } = editor;
    const to = Math.min(s.to, state.doc.content.size);
    const tr = state.tr.setSelection(TextSelection.between(state.doc.resolve(s.from), state.doc.resolve(to)));
    editor.view.dispatch(tr.scrollIntoView());
  };

  return (
    <section className="suggestions" aria-labelledby="suggestions-heading" data-testid="suggestions">
      <header className="suggestions__header">
        <h3 id="suggestions-heading">
          Suggestions <span className="comments-panel__count">{suggestions.length} pending</span>
        </h3>
        {authors.length > 1 ? (
          <label className="suggestions__author">
            <span>From</span>
            <select value={author} onChange={(e) => setAuthor(e.target.value)}>
              <option value="">everyone</option>
              {authors.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {canReview ? (
          <div className="suggestions__all">
            <button
              type="button"
              className="button button--small"
              onClick={() => run(reviewAll(editor.state, true, author || undefined))}
            >
              Accept all
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => run(reviewAll(editor.state, false, author || undefined))}
            >
              Reject all
            </button>
          </div>
        ) : null}
      </header>
      <ul className="suggestions__list">
        {shown.map((s) => {
          const mine = s.authorId === me;
          return (
            <li
              key={s.id}
              className="suggestion-card"
              data-testid="suggestion-card"
              style={{ borderLeftColor: s.authorId ? userColor(s.authorId) : undefined }}
            >
              <button type="button" className="suggestion-card__body" onClick={() => select(s)}>
                <span className="suggestion-card__meta">
                  <strong>{s.authorName ?? "Someone"}</strong>
                  {isExternalAuthor(s.authorId) ? <span className="muted"> (from Word)</span> : null}
                  {s.at ? <span className="muted"> {timeAgo(s.at)}</span> : null}
                </span>
                {s.deleted ? (
                  <span className="suggestion-card__change">
                    Delete <del>{clip(s.deleted)}</del>
                  </span>
                ) : null}
                {s.inserted ? (
                  <span className="suggestion-card__change">
                    {s.deleted ? "Replace with" : "Add"} <ins>{clip(s.inserted)}</ins>
                  </span>
                ) : null}
                {!s.deleted && !s.inserted ? <span className="suggestion-card__change">New paragraph</span> : null}
              </button>
              <div className="suggestion-card__actions">
                {canReview ? (
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Accept suggestion by ${s.authorName ?? "someone"}`}
                    onClick={() => run(reviewSuggestion(editor.state, s.id, true))}
                  >
                    Accept
                  </button>
                ) : null}
                {canReview || (canWithdraw && mine) ? (
                  <button
                    type="button"
                    className="button button--small button--secondary"
                    aria-label={`Reject suggestion by ${s.authorName ?? "someone"}`}
                    onClick={() => run(reviewSuggestion(editor.state, s.id, false))}
                  >
                    {canReview ? "Reject" : "Withdraw"}
                  </button>
                ) : null}
                {onDiscuss ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onDiscuss({ from: s.from, to: s.to }, clip(s.inserted || s.deleted, 200))}
                  >
                    Reply
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
