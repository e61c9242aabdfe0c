"use client";

import { Extension } from "@tiptap/core";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { CommentAnchor } from "@/lib/comments/schema";
import { anchorResolver } from "./anchors";

/** What the highlights show: the anchors of the open threads, and the thread in focus. */
export type HighlightInput = { threads: { id: string; anchor: CommentAnchor }[]; activeId: string | null };

/** Callbacks into React (kept in a ref so the extension is built once). */
export type CommentHandlers = {
  /** Comment on the selection (Mod-Alt-M or the Comment button; see EditorComments). */
  comment: () => void;
  /** The caret or the pointer is on a thread's text (null: on none). */
  focusThread: (threadId: string | null) => void;
};

type PluginState = HighlightInput & { decorations: DecorationSet };

export const commentHighlightsKey = new PluginKey<PluginState>("commentHighlights");

/**
 * The highlights of commented text as ProseMirror DECORATIONS computed from the threads' anchors
 * (never marks: nothing is written to the shared document, so commenters and viewers can have
 * them). Recomputed when the threads or the document change, so they follow every edit.
 */
function decorate(state: EditorState, input: HighlightInput): DecorationSet {
  const decorations: Decoration[] = [];
  const resolve = anchorResolver(state);
  for (const thread of input.threads) {
    const range = resolve?.(thread.anchor) ?? null;
    if (!range) continue;
    const active = thread.id === input.activeId;
    const attrs = {
      class: active ? "comment-highlight comment-highlight--active" : "comment-highlight",
      "data-thread-id": thread.id,
    };
    const node = state.doc.nodeAt(range.from);
    // A selected embed (framework card, comparison) is one atom node: highlight the node itself.
    if (node?.isAtom && !node.isInline && range.from + node.nodeSize === range.to) {
      const nodeAttrs = { ...attrs, class: `${attrs.class} comment-highlight--node` };
      decorations.push(Decoration.node(range.from, range.to, nodeAttrs, { threadId: thread.id }));
    } else {
      decorations.push(Decoration.inline(range.from, range.to, attrs, { threadId: thread.id }));
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

/** The thread whose highlight touches `pos`, if any. */
export function threadAt(state: EditorState, pos: number): string | null {
  const hit = commentHighlightsKey.getState(state)?.decorations.find(pos, pos)[0];
  return (hit?.spec as { threadId?: string } | undefined)?.threadId ?? null;
}

export const CommentHighlights = Extension.create<{ handlers: { current: CommentHandlers } }>({
  name: "commentHighlights",
  addProseMirrorPlugins() {
    const handlers = this.options.handlers;
    let lastFocused: string | null = null;
    return [
      new Plugin<PluginState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => ({ threads: [], activeId: null, decorations: DecorationSet.create(state.doc, []) }),
          apply(tr, value, _old, state) {
            const input = tr.getMeta(commentHighlightsKey) as HighlightInput | undefined;
            if (input) return { ...input, decorations: decorate(state, input) };
            if (tr.docChanged) return { ...value, decorations: decorate(state, value) };
            return value;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleDOMEvents: {
            mouseover(_view, event) {
              const target = (event.target as HTMLElement | null)?.closest?.("[data-thread-id]");
              const id = target?.getAttribute("data-thread-id") ?? null;
              if (id && id !== lastFocused) {
                lastFocused = id;
                handlers.current.focusThread(id);
              }
              return false;
            },
          },
        },
        view: () => ({
          // The caret moving into a highlight (keyboard, click) shows that thread.
          update(view, previous) {
            if (view.state.selection.eq(previous.selection) || !view.hasFocus()) return;
            const id = threadAt(view.state, view.state.selection.head);
            if (id !== lastFocused) {
              lastFocused = id;
              handlers.current.focusThread(id);
            }
          },
        }),
      }),
    ];
  },
});
