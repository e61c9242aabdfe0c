"use client";

import { useEffect, useId, useRef, useState } from "react";
import { suggestMentions } from "@/lib/comments/actions";
import { mentionToken } from "@/lib/comments/mentions";
import { COMMENT_LIMITS } from "@/lib/comments/schema";
import { shareWithMentioned } from "@/lib/mentions/actions";
import type { MentionCandidate } from "@/lib/mentions/queries";

export type CommentComposerProps = {
  briefingId: string;
  canShare: boolean;
  label: string;
  submitLabel: string;
  /** The text to start from (editing): tokens are shown as "@Name". */
  initial?: string;
  autoFocus?: boolean;
  /** Sends the body (with mention tokens); resolves to an error message, or null when done. */
  onSubmit: (body: string) => Promise<string | null>;
  onCancel?: () => void;
};

type Person = { id: string; name: string };

const TOKEN = /@\[([^\][\n]{1,100})\]\(user:([A-Za-z0-9_-]{1,64})\)/g;

/** "@[Ana](user:1)" -> "@Ana", remembering who was mentioned. */
function fromBody(body: string): { text: string; people: Person[] } {
  const people: Person[] = [];
  const text = body.replace(TOKEN, (_all, name: string, id: string) => {
    people.push({ id, name });
    return `@${name}`;
  });
  return { text, people };
}

/** "@Ana" -> "@[Ana](user:1)" for the people picked from the suggestions and still named. */
function toBody(text: string, people: Person[]): string {
  let body = text;
  for (const person of [...people].sort((a, b) => b.name.length - a.name.length)) {
    body = body.split(`@${person.name}`).join(mentionToken(person));
  }
  return body;
}

/**
 * A comment box: plain text, @ suggests people who can read the briefing (arrow keys, Enter),
 * Mod+Enter sends, Escape cancels. Mentioning someone who cannot read the briefing warns, and
 * offers whoever may share to give them the commenter role.
 */
export function CommentComposer(props: CommentComposerProps) {
  const { briefingId, canShare, label, submitLabel, onSubmit, onCancel } = props;
  const start = fromBody(props.initial ?? "");
  const [text, setText] = useState(start.text);
  const [people, setPeople] = useState<Person[]>(start.people);
  const [query, setQuery] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<MentionCandidate[]>([]);
  const [highlighted, setHighlighted] = useState(0);
  const [outsiders, setOutsiders] = useState<MentionCandidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  // A box opened by a click (Reply, Edit, a new selection) takes the keyboard at once.
  useEffect(() => {
    if (props.autoFocus) area.current?.focus();
  }, [props.autoFocus]);

  useEffect(() => {
    if (query === null) return;
    let current = true;
    suggestMentions({ briefingId, query }).then((result) => {
      if (current && result.ok) {
        setSuggestions(result.data);
        setHighlighted(0);
      }
    });
    return () => {
      current = false;
    };
  }, [briefingId, query]);

  const onChange = (value: string, caret: number) => {
    setText(value);
    const match = /(^|\s)@([^\s@]{0,30})$/.exec(value.slice(0, caret));
    setQuery(match ? (match[2] ?? "") : null);
  };

  const pick = (person: MentionCandidate) => {
    const el = area.current;
    const caret = el?.selectionStart ?? text.length;
    const before = text.slice(0, caret).replace(/@([^\s@]{0,30})$/, `@${person.name} `);
    setText(before + text.slice(caret));
    setPeople((list) => [...list.filter((p) => p.id !== person.id), { id: person.id, name: person.name }]);
    if (!person.canRead) setOutsiders((list) => [...list.filter((p) => p.id !== person.id), person]);
    setQuery(null);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(before.length, before.length);
    });
  };

  const share = async (person: MentionCandidate) => {
    const result = await shareWithMentioned({ briefingId, userId: person.id });
    if (!result.ok) return setError(result.message);
    setOutsiders((list) => list.filter((p) => p.id !== person.id));
    setNotice(`${person.name} can now read and comment on this briefing.`);
  };

  const submit = async () => {
    if (!text.trim() || pending) return;
    setPending(true);
    const failed = await onSubmit(toBody(text.trim(), people));
    setPending(false);
    setError(failed);
    if (!failed) {
      setText("");
      setPeople([]);
      setOutsiders([]);
    }
  };

  const open = query !== null && suggestions.length > 0;
  const over = text.length > COMMENT_LIMITS.bodyChars;
  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="visually-hidden" htmlFor={`${listId}-text`}>
        {label}
      </label>
      <textarea
        id={`${listId}-text`}
        ref={area}
        className="comment-composer__text"
        rows={2}
        value={text}
        placeholder={`${label}… (@ to mention)`}
        aria-invalid={over || undefined}
        aria-controls={open ? `${listId}-list` : undefined}
        onChange={(e) => onChange(e.target.value, e.target.selectionStart)}
        onKeyDown={(e) => {
          if (open && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
            e.preventDefault();
            const step = e.key === "ArrowDown" ? 1 : -1;
            setHighlighted((i) => (i + step + suggestions.length) % suggestions.length);
          } else if (open && (e.key === "Enter" || e.key === "Tab")) {
            e.preventDefault();
            const person = suggestions[highlighted];
            if (person) pick(person);
          } else if (e.key === "Escape") {
            e.preventDefault();
            if (open) setQuery(null);
            else onCancel?.();
          } else if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      {open ? (
        <div className="mention-list" id={`${listId}-list`} role="listbox" aria-label="People to mention">
          {suggestions.map((person, index) => (
            <div
              key={person.id}
              role="option"
              tabIndex={-1}
              aria-selected={index === highlighted}
              className="mention-list__item"
              onMouseDown={(e) => {
                e.preventDefault();
                pick(person);
              }}
            >
              <span>{person.name}</span>
              <span className="muted">{person.canRead ? person.email : "cannot read this briefing"}</span>
            </div>
          ))}
        </div>
      ) : null}
      {outsiders.map((person) => (
        <p key={person.id} className="comment-composer__warning" role="alert">
          {person.name} cannot read this briefing and will not see the mention.{" "}
          {canShare ? (
            <button type="button" className="button button--small button--secondary" onClick={() => share(person)}>
              Share as commenter
            </button>
          ) : (
            "Ask an editor to share it with them."
          )}
        </p>
      ))}
      {notice ? (
        <p className="muted comment-composer__note" role="status">
          {notice}
        </p>
      ) : null}
      {over ? (
        <p className="field-error">Comments are at most {COMMENT_LIMITS.bodyChars.toLocaleString("en")} characters.</p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="comment-composer__actions">
        {onCancel ? (
          <button type="button" className="button button--small button--quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button--small" disabled={pending || !text.trim() || over}>
          {pending ? "Sending…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
