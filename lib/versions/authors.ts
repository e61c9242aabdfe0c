import { processWide } from "@/lib/process-wide";

// Who changed a briefing since its last version, as the collaboration server saw the stored
// batches (server/collab/version-hooks.ts). Kept in this process only: a version made on another
// instance, or after a restart, credits fewer authors, never wrong ones.
const pending = () => processWide("version-authors", () => new Map<string, Set<string>>());

/** Notes users whose changes to a briefing were stored. */
export function noteAuthors(briefingId: string, userIds: readonly string[]): void {
  if (!userIds.length) return;
  const map = pending();
  let set = map.get(briefingId);
  if (!set) {
    set = new Set();
    map.set(briefingId, set);
  }
  for (const id of userIds) set.add(id);
}

/** Takes (and forgets) the users noted for a briefing since the last take. */
export function takeAuthors(briefingId: string): string[] {
  const map = pending();
  const set = map.get(briefingId);
  map.delete(briefingId);
  return set ? [...set] : [];
}

/** Puts taken authors back (the version they were taken for was not made). */
export function returnAuthors(briefingId: string, userIds: readonly string[]): void {
  noteAuthors(briefingId, userIds);
}
