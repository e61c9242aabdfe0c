"use client";

import { type Editor, useEditorState } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import { MAX_FIND_MATCHES, MAX_FIND_QUERY } from "@/lib/editor/find";
import { findStep, getFindState, replaceAll, replaceCurrent, setFindQuery } from "./find-replace";

export type FindBarProps = {
  editor: Editor;
  /** Show the replace row (Ctrl+H) and let it write; viewers only find. */
  canReplace: boolean;
  replaceOpen: boolean;
  onClose: () => void;
};

/** The selected text, when it is short and on one line: what people usually want to find. */
function selectedQuery(editor: Editor): string {
  const { from, to, empty } = editor.state.selection;
  if (empty) return "";
  const text = editor.state.doc.textBetween(from, to, "\n");
  return text.length <= 100 && !text.includes("\n") ? text : "";
}

function statusText(count: number, current: number, query: string): string {
  if (!query) return "";
  if (count === 0) return "No matches";
  const total = count >= MAX_FIND_MATCHES ? `${MAX_FIND_MATCHES.toLocaleString()}+` : count.toLocaleString();
  return `${(current + 1).toLocaleString()} of ${total}`;
}

/** Find (Ctrl+F) and replace (Ctrl+H) inside the briefing: Enter / Shift+Enter step, Escape closes. */
export function FindBar({ editor, canReplace, replaceOpen, onClose }: FindBarProps) {
  const [query, setQuery] = useState(() => selectedQuery(editor));
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [replacement, setReplacement] = useState("");
  const [replaced, setReplaced] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const { count, current } = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const state = getFindState(e.state);
      return { count: state.matches.length, current: state.current };
    },
  });

  useEffect(() => {
    setFindQuery(editor.view, query, { caseSensitive, wholeWord });
  }, [editor, query, caseSensitive, wholeWord]);
  // Closing clears the highlights.
  useEffect(() => () => setFindQuery(editor.view, "", { caseSensitive: false, wholeWord: false }), [editor]);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const close = () => {
    onClose();
    // At once: Tiptap's focus() waits a frame, and a key pressed in it (Ctrl+Z) would be lost.
    editor.view.focus();
  };
  const status = statusText(count, current, query);
  return (
    <search
      className="find-bar"
      aria-label="Find in briefing"
      data-testid="find-bar"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          close();
        }
      }}
    >
      <div className="find-bar__row">
        <label className="visually-hidden" htmlFor={`${id}-find`}>
          Find
        </label>
        <input
          ref={input}
          id={`${id}-find`}
          type="search"
          className="find-bar__input"
          placeholder="Find in briefing"
          value={query}
          maxLength={MAX_FIND_QUERY}
          aria-describedby={`${id}-status`}
          onChange={(e) => {
            setQuery(e.target.value);
            setReplaced(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              findStep(editor.view, e.shiftKey ? -1 : 1);
            }
          }}
        />
        <output id={`${id}-status`} className="find-bar__status" aria-live="polite">
          {replaced !== null ? `Replaced ${replaced.toLocaleString()}` : status}
        </output>
        <button
          type="button"
          className="tool"
          aria-label="Previous match"
          title="Previous match (Shift+Enter)"
          disabled={count === 0}
          onClick={() => findStep(editor.view, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="tool"
          aria-label="Next match"
          title="Next match (Enter)"
          disabled={count === 0}
          onClick={() => findStep(editor.view, 1)}
        >
          ↓
        </button>
        <label className="find-bar__option">
          <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> Match
          case
        </label>
        <label className="find-bar__option">
          <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} /> Whole word
        </label>
        <button type="button" className="link-button" aria-label="Close find" onClick={close}>
          ✕
        </button>
      </div>
      {canReplace && replaceOpen ? (
        <div className="find-bar__row">
          <label className="visually-hidden" htmlFor={`${id}-replace`}>
            Replace with
          </label>
          <input
            id={`${id}-replace`}
            type="text"
            className="find-bar__input"
            placeholder="Replace with"
            value={replacement}
            maxLength={MAX_FIND_QUERY}
            onChange={(e) => setReplacement(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                replaceCurrent(editor.view, replacement);
              }
            }}
          />
          <button
            type="button"
            className="button button--secondary"
            disabled={count === 0}
            onClick={() => replaceCurrent(editor.view, replacement)}
          >
            Replace
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={count === 0}
            onClick={() => setReplaced(replaceAll(editor.view, replacement))}
          >
            Replace all
          </button>
        </div>
      ) : null}
    </search>
  );
}
