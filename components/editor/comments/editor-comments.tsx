"use client";

import type { Node as PmNode } from "@tiptap/pm/model";
import { NodeSelection, TextSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { type ReactNode, type RefObject, useEffect, useMemo, useState } from "react";
import { COMMENT_LIMITS } from "@/lib/comments/schema";
import { FRAMEWORK_CARD_NODE } from "@/lib/editor/nodes/framework-card";
import type { CollabSession } from "../use-collaboration";
import { anchorFromRange, anchorResolver, rangeOfAnchor } from "./anchors";
import { CommentsPanel, type PendingComment } from "./comments-panel";
import { type CommentHandlers, commentHighlightsKey } from "./highlights";
import { useComments } from "./use-comments";

export type EditorCommentsProps = {
  editor: Editor;
  session: CollabSession;
  handlers: RefObject<CommentHandlers>;
  me: string;
  canComment: boolean;
  canModerate: boolean;
  canShare: boolean;
  /** The suggestions section (track changes) shown above the threads; `discuss` opens a thread on a range. */
  suggestions?: (discuss: (range: { from: number; to: number }, quote: string) => void) => ReactNode;
};

/** What a thread on an embed quotes: the kind of block and its name. */
function describeNode(node: PmNode): string {
  if (node.type.name === FRAMEWORK_CARD_NODE) return `Framework card: ${String(node.attrs.slug || "framework")}`;
  const title = typeof node.attrs.title === "string" && node.attrs.title ? `: ${node.attrs.title}` : "";
  return `Comparison${title}`;
}

/**
 * The selected range: the editor's own selection when it has the focus (text or a selected card),
 * otherwise the browser's selection inside the editor (a read-only editor, as commenters have,
 * never takes the focus, so ProseMirror does not track what is selected in it).
 */
function selectedRange(editor: Editor): { from: number; to: number } | null {
  const { view, state } = editor;
  if (view.hasFocus() && !state.selection.empty) return { from: state.selection.from, to: state.selection.to };
  const dom = window.getSelection();
  if (!dom || dom.isCollapsed || dom.rangeCount === 0) return null;
  const range = dom.getRangeAt(0);
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return null;
  try {
    const from = view.posAtDOM(range.startContainer, range.startOffset);
    const to = view.posAtDOM(range.endContainer, range.endOffset);
    return from < to ? { from, to } : null;
  } catch {
    return null;
  }
}

/**
 * Comments beside the editor: loads and follows the threads, draws their highlights (decorations),
 * turns Mod-Alt-M / the Comment button into a new thread on the selection, and links the panel and
 * the text both ways (hovering or moving the caret into commented text shows its thread; choosing
 * a thread selects its text).
 */
export function EditorComments({ editor, session, handlers, me, suggestions, ...rights }: EditorCommentsProps) {
  const { threads, error, refresh } = useComments(session.briefingId, session.provider);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingComment | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [docVersion, setDocVersion] = useState(0);

  useEffect(() => {
    const onUpdate = () => setDocVersion((v) => v + 1);
    editor.on("update", onUpdate);
    return () => {
      editor.off("update", onUpdate);
    };
  }, [editor]);

  handlers.current = {
    focusThread: setActiveId,
    comment: () => {
      if (!rights.canComment) return;
      const { state } = editor;
      const range = selectedRange(editor);
      if (!range) return setHint("Select the text (or click a card) you want to comment on first.");
      const anchor = anchorFromRange(state, range.from, range.to);
      if (!anchor) return setHint("The document is still loading; try again in a moment.");
      const { selection } = state;
      const quote =
        selection instanceof NodeSelection && selection.from === range.from && selection.to === range.to
          ? describeNode(selection.node)
          : state.doc.textBetween(range.from, range.to, " ", " ").trim();
      setHint(null);
      setPending({ anchor, quote: quote.slice(0, COMMENT_LIMITS.quoteChars) || "Selection" });
    },
  };

  // Mod-Alt-M anywhere on the page: a read-only editor (commenters) never has the keyboard focus,
  // so ProseMirror's own keymap would not see the key.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.code !== "KeyM" || !event.altKey || !(event.ctrlKey || event.metaKey) || event.shiftKey) return;
      event.preventDefault();
      handlers.current?.comment();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [handlers]);

  // The open threads' highlights follow the thread list and the thread in focus.
  useEffect(() => {
    const anchored = (threads ?? []).flatMap((t) => (t.anchor && !t.resolved ? [{ id: t.id, anchor: t.anchor }] : []));
    const pendingHighlight = pending ? [{ id: "pending", anchor: pending.anchor }] : [];
    const tr = editor.state.tr.setMeta(commentHighlightsKey, {
      threads: [...anchored, ...pendingHighlight],
      activeId: pending ? "pending" : activeId,
    });
    editor.view.dispatch(tr.setMeta("addToHistory", false));
  }, [editor, threads, activeId, pending]);

  const orphaned = useMemo(() => {
    void docVersion; // recomputed whenever the document changes
    const set = new Set<string>();
    const resolve = anchorResolver(editor.state);
    for (const t of threads ?? []) if (t.anchor && !resolve?.(t.anchor)) set.add(t.id);
    return set;
  }, [editor, threads, docVersion]);

  const select = (thread: { id: string; anchor: PendingComment["anchor"] | null }) => {
    setActiveId(thread.id);
    const range = thread.anchor && rangeOfAnchor(editor.state, thread.anchor);
    if (!range) return;
    const { state } = editor;
    const tr = state.tr.setSelection(TextSelection.between(state.doc.resolve(range.from), state.doc.resolve(range.to)));
    editor.view.dispatch(tr.scrollIntoView());
    editor.view.dom.querySelector(`[data-thread-id="${CSS.escape(thread.id)}"]`)?.scrollIntoView({ block: "center" });
  };

  return (
    <>
      {hint ? (
        <p className="notice comments-hint" role="status">
          {hint}
        </p>
      ) : null}
      <CommentsPanel
        briefingId={session.briefingId}
        me={me}
        threads={threads}
        error={error}
        {...rights}
        activeId={activeId}
        orphaned={orphaned}
        pending={pending}
        onCancelPending={() => setPending(null)}
        onSelect={select}
        onChanged={refresh}
        suggestions={suggestions?.((range, quote) => {
          const anchor = anchorFromRange(editor.state, range.from, range.to);
          if (!anchor) return;
          setPending({ anchor, quote: quote.slice(0, COMMENT_LIMITS.quoteChars) || "Suggestion" });
        })}
      />
    </>
  );
}
