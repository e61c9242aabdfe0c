import * as Y from "yjs";

type Entry = { originId: string; seq: number; update: Uint8Array; at: number };

/**
 * The updates a room received from other instances that their origin has not yet reported stored.
 * Normally each entry lives for one batch window. An origin that dies (kill -9) before storing
 * leaves entries behind: after `orphanAfterMs` the room stores them itself, so what its clients
 * see is never held only in memory. An origin that is merely slow makes that a duplicate row,
 * which Yjs ignores on load.
 */
export class RemoteLedger {
  private entries: Entry[] = [];

  constructor(private readonly orphanAfterMs: number) {}

  get size(): number {
    return this.entries.length;
  }

  add(originId: string, seq: number, update: Uint8Array, now = Date.now()): void {
    this.entries.push({ originId, seq, update, at: now });
  }

  /** Origin `originId` has stored everything up to `seq`. */
  confirm(originId: string, seq: number): void {
    if (!this.entries.length) return;
    this.entries = this.entries.filter((entry) => entry.originId !== originId || entry.seq > seq);
  }

  /** Removes and returns (merged) the entries older than the orphan delay, or null. */
  takeOrphans(now = Date.now()): Uint8Array | null {
    const cutoff = now - this.orphanAfterMs;
    const orphans = this.entries.filter((entry) => entry.at <= cutoff);
    if (!orphans.length) return null;
    this.entries = this.entries.filter((entry) => entry.at > cutoff);
    return orphans.length === 1 ? orphans[0]!.update : Y.mergeUpdates(orphans.map((entry) => entry.update));
  }
}
