"use client";

import type { EditorState } from "@tiptap/pm/state";
import { absolutePositionToRelativePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { decodeAnchor, encodeAnchor } from "@/lib/comments/anchor";
import { type Mapping, positionResolver } from "@/lib/comments/positions";
import type { CommentAnchor } from "@/lib/comments/schema";

type SyncState = {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null;
};

function syncState(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  return sync?.binding ? sync : null;
}

/**
 * The anchor of a ProseMirror range (a text selection, or a selected framework card or comparison
 * embed) as Yjs relative positions through y-tiptap's mapping (the same positions its carets use,
 * each tied to the character before it), or null before the binding exists.
 */
export function anchorFromRange(state: EditorState, from: number, to: number): CommentAnchor | null {
  const sync = syncState(state);
  if (!sync?.binding) return null;
  const mapping = sync.binding.mapping as never;
  return encodeAnchor(
    absolutePositionToRelativePosition(from, sync.type, mapping),
    absolutePositionToRelativePosition(to, sync.type, mapping),
  );
}

/** Where an anchor is in the current document, or null when its text was deleted (orphaned). */
export function rangeOfAnchor(state: EditorState, anchor: CommentAnchor): { from: number; to: number } | null {
  return anchorResolver(state)?.(anchor) ?? null;
}

/**
 * Where anchors are in the current document, for resolving many at once (the highlights of every
 * thread): null before the binding exists. One resolver per state; see resolvePosition.
 */
export function anchorResolver(
  state: EditorState,
): ((anchor: CommentAnchor) => { from: number; to: number } | null) | null {
  const sync = syncState(state);
  if (!sync?.binding) return null;
  const resolve = positionResolver(sync.doc, sync.type, sync.binding.mapping as Mapping);
  const size = state.doc.content.size;
  return (anchor) => {
    const decoded = decodeAnchor(anchor);
    if (!decoded) return null;
    const from = resolve(decoded.from);
    const to = resolve(decoded.to);
    if (from === null || to === null || from >= to) return null;
    return from >= size ? null : { from, to: Math.min(to, size) };
  };
}
