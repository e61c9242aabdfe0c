import type { VersionKind } from "./store";

export type ThinningCandidate = { id: string; seq: number; kind: VersionKind | string; createdAt: Date };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Which automatic versions to delete: every version of the last 24 hours stays; from one to seven
 * days old, the latest of each clock hour; older, the latest of each (UTC) day. Named and restore
 * versions, and the latest version of all, are never chosen. Pure: `now` is the caller's clock.
 */
export function versionsToThin(versions: readonly ThinningCandidate[], now: number): string[] {
  const latestSeq = Math.max(0, ...versions.map((v) => v.seq));
  const keptPerBucket = new Map<string, ThinningCandidate>();
  const thin: string[] = [];
  // Newest first: the first version met in a bucket is the one it keeps.
  const ordered = [...versions].sort((a, b) => b.seq - a.seq);
  for (const version of ordered) {
    if (version.kind !== "auto") continue;
    const age = now - version.createdAt.getTime();
    if (age < DAY) continue;
    const time = version.createdAt.getTime();
    const bucket = age < 7 * DAY ? `h${Math.floor(time / HOUR)}` : `d${Math.floor(time / DAY)}`;
    // The newest version is never removed; it is its bucket's keeper.
    if (keptPerBucket.has(bucket) && version.seq !== latestSeq) thin.push(version.id);
    else keptPerBucket.set(bucket, version);
  }
  return thin;
}
