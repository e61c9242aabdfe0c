import * as Y from "yjs";

/** y-tiptap's binding mapping: Yjs element types to their ProseMirror nodes. */
export type Mapping = Map<Y.AbstractType<unknown>, { nodeSize: number } | null | undefined>;
// The Yjs internals y-tiptap's own resolver walks (not in Yjs's public types).
type Node = { deleted: boolean; right: Node | null; content: { type?: Y.AbstractType<unknown> } };
type Type = Y.AbstractType<unknown> & { _first: Node | null; _length: number; _item: (Node & { parent: Type }) | null };

/**
 * y-tiptap's relativePositionToAbsolutePosition (same result, same nulls), with the offsets of a
 * parent's children summed once per resolver instead of once per position: resolving the 4,000
 * ends of 2,000 threads walked the top-level blocks 4,000 times (the highlights were recomputed
 * on every change); now one walk per parent, then a lookup.
 */
export function positionResolver(
  ydoc: Y.Doc,
  root: Y.XmlFragment,
  mapping: Mapping,
): (position: Y.RelativePosition) => number | null {
  /** For each parent: the ProseMirror offset before each child type, or null when a size is unknown. */
  const offsets = new Map<Type, Map<Y.AbstractType<unknown>, number | null>>();
  const sizeOf = (type: Y.AbstractType<unknown>): number | null =>
    type instanceof Y.XmlText ? (type as unknown as Type)._length : (mapping.get(type)?.nodeSize ?? null);
  const offsetIn = (parent: Type, child: Y.AbstractType<unknown>): number | null => {
    let table = offsets.get(parent);
    if (!table) {
      table = new Map();
      let pos: number | null = 0;
      for (let n = parent._first; n !== null; n = n.right) {
        const type = n.content.type;
        if (!type) continue;
        table.set(type, pos);
        if (!n.deleted && pos !== null) {
          const size = sizeOf(type);
          pos = size === null ? null : pos + size;
        }
      }
      offsets.set(parent, table);
    }
    return table.get(child) ?? null;
  };
  return (relative) => {
    const decoded = Y.createAbsolutePositionFromRelativePosition(relative, ydoc);
    if (!decoded) return null;
    let type = decoded.type as Type;
    if (type !== (root as unknown as Type) && !Y.isParentOf(root, type._item as never)) return null;
    let pos = 0;
    if (type instanceof Y.XmlText) {
      pos = decoded.index;
    } else if (type._item === null || !type._item.deleted) {
      let n = type._first;
      let i = 0;
      while (i < type._length && i < decoded.index && n !== null) {
        const child = n.content.type;
        if (!n.deleted && child) {
          i++;
          const size = sizeOf(child);
          if (size === null) return null;
          pos += size;
        }
        n = n.right;
      }
      pos += 1; // past the start tag of the element the position is in
    }
    while (type !== (root as unknown as Type) && type._item !== null) {
      const parent = type._item.parent;
      if (parent._item === null || !parent._item.deleted) {
        const offset = offsetIn(parent, type);
        if (offset === null) return null;
        pos += 1 + offset; // the parent's start tag, then the siblings before
      }
      type = parent;
    }
    const absolute = pos - 1; // the root fragment has no tag
    // y-tiptap's isMisresolvedTextPosition: a text position that lands on the document's start.
    if (decoded.type instanceof Y.XmlText && relative.item !== null && absolute <= 1) return null;
    return absolute;
  };
}
