import type { PreparedMatrix, ViewState } from "./types";

/** Adds an item to a list, or removes it when present. */
export function toggleItem(list: string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

function swap<T>(list: T[], index: number, delta: -1 | 1): T[] {
  const other = index + delta;
  if (index < 0 || other < 0 || other >= list.length) return list;
  const next = [...list];
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

/** The selection with one framework moved one place earlier or later. */
export function moveFramework(frameworks: string[], slug: string, delta: -1 | 1): string[] {
  return swap(frameworks, frameworks.indexOf(slug), delta);
}

/**
 * Every dimension key (hidden ones too) in the order the view uses, groups kept together in the
 * order of their first dimension: the list the "arrange dimensions" panel shows.
 */
export function arrangedDimensions(p: PreparedMatrix, state: ViewState): string[] {
  const keys = p.data.dimensions.map((d) => d.key);
  const first = state.dimensionOrder.filter((k) => p.dimensionIndex.has(k));
  const ordered = [...new Set([...first, ...keys])];
  const groups = new Map<string, string[]>();
  for (const key of ordered) {
    const group = p.groupIds[p.dimensionIndex.get(key)!]!;
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  return [...groups.values()].flat();
}

/** The full dimension order with one dimension moved within its group. */
export function moveDimension(p: PreparedMatrix, state: ViewState, key: string, delta: -1 | 1): string[] {
  const order = arrangedDimensions(p, state);
  const index = order.indexOf(key);
  const neighbour = order[index + delta];
  const groupOf = (k: string) => p.groupIds[p.dimensionIndex.get(k)!];
  if (neighbour === undefined || groupOf(neighbour) !== groupOf(key)) return order;
  return swap(order, index, delta);
}
