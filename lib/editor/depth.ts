import * as Y from "yjs";

/**
 * How deeply Yjs types may nest in a briefing: the root fragment is level 0, a top-level paragraph
 * level 1 and its text level 2. The schema's deepest legitimate structures (lists in lists, a
 * table's cell holding a list) stay far below this; a crafted document thousands of levels deep
 * overflows the stack of every recursive reader (y-prosemirror in browsers, JSON.stringify).
 */
export const MAX_DOCUMENT_DEPTH = 100;

type Struct = Y.Item | Y.GC | Y.Skip;

/** The structs of one decoded update, by client, sorted by clock (as decodeUpdate returns them). */
class StructIndex {
  private readonly byClient = new Map<number, Struct[]>();

  add(structs: Struct[]): void {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
  }

  sort(): void {
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  /** The item covering `id`, if this update (or the pending structs) holds one. */
  find(id: Y.ID): Y.Item | null {
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = list[mid]!;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct instanceof Y.Item ? struct : null;
    }
    return null;
  }
}

/** The depth of a type already in a document (the root is 0), walking up iteratively; memoized. */
function typeDepth(type: Y.AbstractType<unknown>, memo: Map<Y.AbstractType<unknown>, number>): number {
  const chain: Y.AbstractType<unknown>[] = [];
  let current = type;
  let base = 0;
  for (;;) {
    const known = memo.get(current);
    if (known !== undefined) {
      base = known;
      break;
    }
    const parent: unknown = current._item?.parent;
    if (!(parent instanceof Y.AbstractType)) {
      memo.set(current, 0);
      break;
    }
    chain.push(current);
    current = parent;
  }
  for (let i = chain.length - 1; i >= 0; i--) memo.set(chain[i]!, ++base);
  return memo.get(type) ?? 0;
}

/**
 * The deepest level that the Yjs types inserted by `update` would reach in `doc` (0 when the update
 * inserts no type). Reads the update without applying it. Types it inserts into structs the
 * document does not have yet (Yjs keeps them pending) count from the missing anchor; the document's
 * pending structs are measured along with every update, so a deep chain sent in pieces is caught
 * by the update that would release it. Iterative: a 20,000-level update is measured, not recursed.
 * With `stopAbove`, returns as soon as some type is deeper than that (a lower bound then).
 */
export function updateDepth(doc: Y.Doc, update: Uint8Array, stopAbove = Number.POSITIVE_INFINITY): number {
  const decoded = Y.decodeUpdate(update).structs as Struct[];
  const pending = doc.store.pendingStructs;
  const hasType = (structs: Struct[]) =>
    structs.some((struct) => struct instanceof Y.Item && struct.content instanceof Y.ContentType);
  // Yjs retries its pending structs only when an update supplies a clock they wait for; only then
  // are they measured (decoding them for every keystroke would cost as much as they weigh).
  const releases = (missing: Map<number, number>) =>
    decoded.some((struct) => {
      const clock = missing.get(struct.id.client);
      return clock !== undefined && struct.id.clock + struct.length > clock;
    });
  // Yjs keeps pending structs in the v2 encoding.
  const pendingStructs =
    pending && releases(pending.missing) ? (Y.decodeUpdateV2(pending.update).structs as Struct[]) : [];
  if (!hasType(decoded) && !hasType(pendingStructs)) return 0; // the common case: typing text
  const index = new StructIndex();
  index.add(decoded);
  index.add(pendingStructs);
  index.sort();
  return new DepthResolver(doc, index).deepest([...decoded, ...pendingStructs], stopAbove);
}

/** Resolves the depth of the type each new item lives in (its parent), without recursion. */
class DepthResolver {
  private readonly typeMemo = new Map<Y.AbstractType<unknown>, number>();
  /** Depth of the parent type of a new item. */
  private readonly parentDepth = new Map<Y.Item, number>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly index: StructIndex,
  ) {}

  deepest(structs: Struct[], stopAbove: number): number {
    let max = 0;
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
      max = Math.max(max, this.depthOfParent(struct) + 1);
      if (max > stopAbove) break; // the caller only needs to know it is too deep
    }
    return max;
  }

  /** A struct the document already holds, or null. */
  private inDoc(id: Y.ID): Struct | null {
    if (Y.getState(this.doc.store, id.client) <= id.clock) return null;
    return Y.getItem(this.doc.store, id) as Struct;
  }

  /**
   * One step up from a new item: either a known depth (the root, a type in the document, a
   * missing anchor counted as 0) or another new item plus 1 (its parent) or plus 0 (a sibling).
   */
  private step(item: Y.Item): { depth: number } | { next: Y.Item; add: number } {
    const { parent } = item;
    if (parent instanceof Y.AbstractType) return { depth: 0 }; // a root type, named in the update
    if (parent instanceof Y.ID) {
      const existing = this.inDoc(parent);
      if (existing) {
        const type = existing instanceof Y.Item && existing.content instanceof Y.ContentType;
        return { depth: type ? typeDepth((existing.content as Y.ContentType).type, this.typeMemo) : 0 };
      }
      const next = this.index.find(parent);
      return next ? { next, add: 1 } : { depth: 0 };
    }
    const neighbour = item.origin ?? item.rightOrigin;
    if (!neighbour) return { depth: 0 };
    const existing = this.inDoc(neighbour);
    if (existing) {
      const owner = existing instanceof Y.Item ? existing.parent : null;
      return { depth: owner instanceof Y.AbstractType ? typeDepth(owner, this.typeMemo) : 0 };
    }
    const next = this.index.find(neighbour);
    return next && next !== item ? { next, add: 0 } : { depth: 0 };
  }

  private depthOfParent(start: Y.Item): number {
    // Each link: parentDepth(item) = parentDepth(next link's item) + add; the last one's is `base`.
    const chain: { item: Y.Item; add: number }[] = [];
    const seen = new Set<Y.Item>();
    let item = start;
    let base = 0;
    for (;;) {
      const known = this.parentDepth.get(item);
      if (known !== undefined) {
        base = known;
        break;
      }
      seen.add(item);
      const step = this.step(item);
      if ("depth" in step) {
        chain.push({ item, add: step.depth });
        break;
      }
      chain.push({ item, add: step.add });
      if (seen.has(step.next)) break; // a crafted cycle: Yjs cannot integrate it anyway
      item = step.next;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      base += chain[i]!.add;
      this.parentDepth.set(chain[i]!.item, base);
    }
    return this.parentDepth.get(start) ?? 0;
  }
}

/** The depth of the deepest type under `root` (root = 0), measured iteratively. */
export function treeDepth(root: Y.XmlFragment | Y.XmlElement): number {
  let max = 0;
  const stack: { node: Y.XmlFragment | Y.XmlElement; depth: number }[] = [{ node: root, depth: 0 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    for (const child of top.node.toArray()) {
      max = Math.max(max, top.depth + 1);
      if (child instanceof Y.XmlElement) stack.push({ node: child, depth: top.depth + 1 });
    }
  }
  return max;
}
