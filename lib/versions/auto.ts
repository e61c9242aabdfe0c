import { loadCurrentContent } from "@/lib/briefings/doc/current";
import type { Db } from "@/lib/db";
import { noteAuthors } from "./authors";
import { reviewName } from "./review-summary";
import { captureVersion, deleteVersionMerging } from "./store";
import { versionsToThin } from "./thinning";

/** Where the auto-versioner reads the time (tests pass a fake one). */
export type Clock = { now(): number };

export type AutoVersionOptions = {
  db: Db;
  /** A version is made once changes have been stored for this long since the last one (ms). */
  intervalMs: number;
  clock?: Clock;
  onError?: (error: unknown, context: string) => void;
};

export const DEFAULT_AUTO_VERSION_MS = 5 * 60_000;

/**
 * Makes automatic versions of briefings being edited: at the first stored change `intervalMs`
 * after the first change not in a version yet, and when the last person leaves the room; then
 * thins the briefing's automatic versions (thinning.ts). One capture at a time per briefing.
 */
export class AutoVersioner {
  private readonly firstChange = new Map<string, number>();
  private readonly queue = new Map<string, Promise<void>>();
  private readonly clock: Clock;
  private readonly onError: (error: unknown, context: string) => void;

  constructor(private readonly options: AutoVersionOptions) {
    this.clock = options.clock ?? { now: () => Date.now() };
    this.onError = options.onError ?? ((error, context) => console.error(`[versions] ${context}:`, error));
  }

  /**
   * Changes by `userIds` were stored; makes a version when the interval has passed. Their authors
   * are noted on the briefing's queue, so a version queued after this change credits them.
   */
  changed(briefingId: string, userIds: readonly string[]): Promise<void> {
    const noted = this.enqueue(briefingId, () => this.note(briefingId, userIds));
    const now = this.clock.now();
    const first = this.firstChange.get(briefingId);
    if (first === undefined) {
      this.firstChange.set(briefingId, now);
      return noted;
    }
    if (now - first < this.options.intervalMs) return noted;
    return this.capture(briefingId);
  }

  /** The last person left the briefing: makes a version if anything changed since the last one. */
  left(briefingId: string): Promise<void> {
    if (!this.firstChange.has(briefingId)) return Promise.resolve();
    return this.capture(briefingId);
  }

  /** Resolves when every capture queued so far is done (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.queue.values()]);
  }

  private capture(briefingId: string): Promise<void> {
    this.firstChange.delete(briefingId);
    return this.enqueue(briefingId, () => this.captureNow(briefingId));
  }

  /** Runs a task after the briefing's earlier ones (tasks never reject: they report errors). */
  private enqueue(briefingId: string, task: () => Promise<void>): Promise<void> {
    const previous = this.queue.get(briefingId) ?? Promise.resolve();
    const next = previous.then(task);
    this.queue.set(briefingId, next);
    void next.finally(() => {
      if (this.queue.get(briefingId) === next) this.queue.delete(briefingId);
    });
    return next;
  }

  private async note(briefingId: string, userIds: readonly string[]): Promise<void> {
    if (!userIds.length) return;
    try {
      await noteAuthors(this.options.db, briefingId, userIds);
    } catch (error) {
      // The change itself is stored; only its credit in the next version is lost.
      this.onError(error, `noting the authors of briefing ${briefingId}`);
    }
  }

  /** "Accepted 3 suggestions" when suggestions were reviewed since the last version (see review-summary.ts). */
  private async reviewName(briefingId: string): Promise<string | null> {
    try {
      const current = await loadCurrentContent(this.options.db, briefingId);
      return current ? await reviewName(this.options.db, briefingId, current) : null;
    } catch (error) {
      // The version matters more than its name.
      this.onError(error, `review summary of briefing ${briefingId}`);
      return null;
    }
  }

  private async captureNow(briefingId: string): Promise<void> {
    const { db } = this.options;
    try {
      const now = this.clock.now();
      const name = await this.reviewName(briefingId);
      await captureVersion(db, briefingId, { kind: "auto", name, now: new Date(now), skipIfUnchanged: true });
      await thinVersions(db, briefingId, now);
    } catch (error) {
      // Try again at the next change.
      if (!this.firstChange.has(briefingId)) this.firstChange.set(briefingId, this.clock.now());
      this.onError(error, `automatic version of briefing ${briefingId}`);
    }
  }
}

/** Deletes the automatic versions thinning no longer keeps (each merged into its successor). */
export async function thinVersions(db: Db, briefingId: string, now: number): Promise<number> {
  const versions = await db.briefingVersion.findMany({
    where: { briefingId },
    select: { id: true, seq: true, kind: true, createdAt: true },
  });
  const thin = versionsToThin(versions, now);
  // Oldest first, each merged into the next one still there.
  const order = new Map(versions.map((v) => [v.id, v.seq]));
  thin.sort((a, b) => order.get(a)! - order.get(b)!);
  for (const id of thin) await deleteVersionMerging(db, briefingId, id);
  return thin.length;
}
