import { fromBase64, toBase64 } from "lib0/buffer";
import * as Y from "yjs";
import type { CommentAnchor } from "./schema";

/**
 * Thread anchors: the commented range as two Yjs relative positions, stored with the thread in the
 * database (never in the document). A relative position names an item of the shared document, so
 * it follows concurrent edits around it; when the commented text is deleted both ends fall onto
 * the same place and the thread is orphaned (it keeps its quote). The browser makes and resolves
 * them through y-tiptap's mapping (components/editor/comments/anchors.ts); this module holds what
 * the browser, the server and the tests share.
 */

/** An anchor as stored (base64 of Y.encodeRelativePosition for each end). */
export function encodeAnchor(from: Y.RelativePosition, to: Y.RelativePosition): CommentAnchor {
  return { from: toBase64(Y.encodeRelativePosition(from)), to: toBase64(Y.encodeRelativePosition(to)) };
}

/** The two relative positions of a stored anchor, or null when it cannot be read. */
export function decodeAnchor(anchor: CommentAnchor): { from: Y.RelativePosition; to: Y.RelativePosition } | null {
  try {
    return {
      from: Y.decodeRelativePosition(fromBase64(anchor.from)),
      to: Y.decodeRelativePosition(fromBase64(anchor.to)),
    };
  } catch {
    return null;
  }
}

/**
 * Where an anchor's ends are now in a Yjs document ({ type, index } each), or null when the
 * thread is orphaned: an end cannot be resolved, or the range collapsed because its text was
 * deleted.
 */
export function resolveAnchorInDoc(
  doc: Y.Doc,
  anchor: CommentAnchor,
): { from: Y.AbsolutePosition; to: Y.AbsolutePosition } | null {
  const decoded = decodeAnchor(anchor);
  if (!decoded) return null;
  const from = Y.createAbsolutePositionFromRelativePosition(decoded.from, doc);
  const to = Y.createAbsolutePositionFromRelativePosition(decoded.to, doc);
  if (!from || !to) return null;
  if (from.type === to.type && from.index >= to.index) return null;
  return { from, to };
}
