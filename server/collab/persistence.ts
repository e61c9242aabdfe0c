import * as Y from "yjs";
import type { BriefingStore, OpenedBriefing } from "@/lib/briefings/doc/store";
import { Debounced } from "./debounce";

export type PersistenceOptions = {
  /** How long updates are collected before one merged row is written (ms). */
  batchMs: number;
  /** Compact once this many rows were appended since the last compaction. */
  compactEvery: number;
  /** Quiet time before the derived JSON/text is rewritten (ms)... */
  contentDebounceMs: number;
  /** ...but never later than this after the first unsaved change (ms). */
  contentMaxWaitMs: number;
  /** First and longest delay between retries of a failed write (ms). */
  retryMinMs: number;
  retryMaxMs: number;
  /** Where failures are reported (the server keeps running and retries). */
  onError: (error: unknown, context: string) => void;
  /** Hears of every committed batch (the collaboration server's `stored` hook). */
  onStored?: (event: StoredBatch) => void;
};

/** A committed batch of a briefing's changes. */
export type StoredBatch = {
  briefingId: string;
  /** The user whose changes the batch holds, when they are all one user's. */
  byUserId?: string;
  /** Every user with changes in the batch (changes enqueued without a user have none). */
  userIds: string[];
};

export const DEFAULT_PERSISTENCE_OPTIONS: PersistenceOptions = {
  // 250 ms, not 20: at 10 editors typing, nearly every keystroke was its own batch (a row, a round
  // trip to the store thread, a copy update, a save answer); 100 ms cut the server's CPU per update
  // from 1.84x to ~1.4x the reference, 250 ms to ~1.3x (alternating bench:collab runs at 10
  // editors: mean 1.43x over eight at 100 ms, 1.33x over nine at 250 ms, p99 unchanged within the
  // noise; 500 ms did no better). "Saved" shows at most ~0.25 s later; until then the client keeps
  // the change and sends it again after a reconnect.
  batchMs: 250,
  compactEvery: 500,
  contentDebounceMs: 2_000,
  contentMaxWaitMs: 30_000,
  retryMinMs: 100,
  retryMaxMs: 5_000,
  onError: (error, context) => console.error(`[briefing persistence] ${context}:`, error),
};

/** When a briefing left with log rows beyond its snapshot has its derived content rewritten after open. */
const REWRITE_AFTER_UNCLEAN_STOP_MS = 1_000;

/** Origin of the stored state applied at load (it must not be written back). */
export const STORAGE_ORIGIN = Symbol("briefing-storage");

type Waiter = { seq: number; resolve: () => void };

/**
 * Keeps one loaded briefing document durable: updates handed to `enqueue` are merged and appended
 * to the log within `batchMs`, one write at a time and in order; a failed write is retried with
 * backoff while newer updates keep accumulating in memory, so nothing is dropped. `whenPersisted`
 * resolves once everything enqueued before the call is committed. The log is compacted every
 * `compactEvery` rows and on close; the derived content is refreshed with a debounce. The store
 * does the work (possibly on another thread); this class only decides what and when.
 */
export class BriefingPersistence {
  private pending: Uint8Array[] = [];
  /** Who made the pending updates; `unattributed`: some were enqueued without a user. */
  private pendingUsers = new Set<string>();
  private unattributed = false;
  private enqueuedSeq = 0;
  private durableSeq = 0;
  private waiters: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> | undefined;
  private failures = 0;
  private rowsSinceCompaction = 0;
  private readonly content: Debounced;
  private persistedSv: Uint8Array;
  private closed = false;
  private readonly listeners = new Set<(failing: boolean) => void>();

  private constructor(
    readonly briefingId: string,
    readonly doc: Y.Doc,
    private readonly store: BriefingStore,
    private readonly options: PersistenceOptions,
  ) {
    this.persistedSv = Y.encodeStateVector(doc);
    this.content = new Debounced(() => void this.refreshContent(), options.contentDebounceMs, options.contentMaxWaitMs);
  }

  /**
   * Opens a briefing's persistence without touching `doc`: the caller applies the returned stored
   * state with `applyStored` (a room first serves it as-is to the clients that need all of it).
   * Null when the briefing does not exist or is deleted.
   */
  static async open(
    store: BriefingStore,
    briefingId: string,
    doc: Y.Doc,
    options: Partial<PersistenceOptions> = {},
  ): Promise<{ persistence: BriefingPersistence; stored: OpenedBriefing } | null> {
    const stored = await store.open(briefingId);
    if (!stored) return null;
    const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
    const merged = { ...DEFAULT_PERSISTENCE_OPTIONS, ...given };
    const persistence = new BriefingPersistence(briefingId, doc, store, merged);
    // Rows beyond the snapshot mean the last load ended uncleanly (a clean close compacts them
    // away and writes the content): its derived content may predate them. Rewrite it soon, not
    // after the edit debounce (a server that keeps crashing must get it written), but not while the
    // first client is applying the document either: on 2 cores the store thread building its copy
    // and deriving the content made that open ~2x slower.
    if (stored.update) persistence.content.trigger(REWRITE_AFTER_UNCLEAN_STOP_MS);
    return { persistence, stored };
  }

  /** Loads a briefing's stored state into `doc` and returns its persistence (open + applyStored). */
  static async load(
    store: BriefingStore,
    briefingId: string,
    doc: Y.Doc,
    options: Partial<PersistenceOptions> = {},
  ): Promise<BriefingPersistence | null> {
    const opened = await BriefingPersistence.open(store, briefingId, doc, options);
    opened?.persistence.applyStored(opened.stored);
    return opened?.persistence ?? null;
  }

  /** Applies the stored state to the document; it counts as persisted. Call before any edit. */
  applyStored(stored: OpenedBriefing): void {
    this.doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
      if (stored.update) Y.applyUpdate(this.doc, stored.update);
    }, STORAGE_ORIGIN);
    this.persistedSv = Y.encodeStateVector(this.doc);
  }

  /** The state vector of the document as durably stored (everything up to the last committed batch). */
  get persistedStateVector(): Uint8Array {
    return this.persistedSv;
  }

  /** True while the last write failed and is being retried. */
  get failing(): boolean {
    return this.failures > 0;
  }

  /** True when updates are waiting to be written. */
  get dirty(): boolean {
    return this.enqueuedSeq > this.durableSeq;
  }

  /** Subscribes to "a batch was committed" (failing=false) and "a write failed" (failing=true). */
  onChange(listener: (failing: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues a Yjs update of the document (made by `byUserId`, if known) for the next batch; returns its sequence number. */
  enqueue(update: Uint8Array, byUserId?: string): number {
    if (this.closed) throw new Error(`Briefing ${this.briefingId} is closed; update not accepted`);
    this.pending.push(update);
    if (byUserId === undefined) this.unattributed = true;
    else this.pendingUsers.add(byUserId);
    this.enqueuedSeq++;
    this.schedule(this.options.batchMs);
    return this.enqueuedSeq;
  }

  /** Sequence number of the last update enqueued. */
  get enqueued(): number {
    return this.enqueuedSeq;
  }

  /** Every update up to this sequence number is committed. */
  get stored(): number {
    return this.durableSeq;
  }

  /** Resolves when every update enqueued before this call is committed to the database. */
  whenPersisted(): Promise<void> {
    const seq = this.enqueuedSeq;
    if (seq <= this.durableSeq) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  /** Writes pending updates now (no batch wait); resolves when they are committed. */
  async flush(): Promise<void> {
    const done = this.whenPersisted();
    this.schedule(0);
    await done;
  }

  /** Folds the log into the snapshot now (normally automatic). */
  async compact(): Promise<void> {
    await this.store.compact(this.briefingId);
    // "busy" and "conflict" mean another writer is compacting or just did: no need to retry soon.
    this.rowsSinceCompaction = 0;
  }

  /** Writes the derived JSON and text of the stored document now. */
  async writeContent(): Promise<void> {
    this.content.cancel();
    await this.store.writeContent(this.briefingId);
  }

  /**
   * Makes everything durable and stops: flushes the pending updates (retrying until committed or
   * `deadline`), compacts and writes the derived content. Throws if the updates could not be
   * committed in time; then the document must stay loaded.
   */
  async close(deadline = Date.now() + 30_000): Promise<void> {
    const flushed = this.flush();
    const remaining = deadline - Date.now();
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => reject(new Error("could not persist pending updates in time")), remaining);
    });
    try {
      await Promise.race([flushed, expired]);
    } finally {
      clearTimeout(timeout);
    }
    this.closed = true;
    clearTimeout(this.timer);
    try {
      await this.compact();
      if (this.content.pending) await this.writeContent();
    } catch (error) {
      // The updates are committed; compaction and derived content can be redone on next load.
      this.options.onError(error, `finishing briefing ${this.briefingId}`);
    } finally {
      this.content.cancel();
      await this.store.release(this.briefingId).catch(() => {});
    }
  }

  private schedule(delay: number): void {
    if (this.writing) return; // the running write loop picks the new updates up
    if (this.timer && delay > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writing = this.writeLoop().finally(() => {
        this.writing = undefined;
        if (this.pending.length) this.schedule(this.options.batchMs);
      });
    }, delay);
  }

  private async writeLoop(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending;
      const users = this.pendingUsers;
      const unattributed = this.unattributed;
      this.pending = [];
      this.pendingUsers = new Set();
      this.unattributed = false;
      const seq = this.enqueuedSeq;
      const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
      let stateVector: Uint8Array;
      try {
        stateVector = await this.store.append(this.briefingId, merged);
      } catch (error) {
        this.pending.unshift(merged);
        for (const user of users) this.pendingUsers.add(user);
        this.unattributed ||= unattributed;
        this.failures++;
        this.options.onError(error, `appending to briefing ${this.briefingId} (attempt ${this.failures})`);
        this.emit(true);
        await sleep(Math.min(this.options.retryMaxMs, this.options.retryMinMs * 2 ** (this.failures - 1)));
        continue;
      }
      this.failures = 0;
      this.durableSeq = seq;
      this.persistedSv = stateVector;
      this.rowsSinceCompaction++;
      // The derived content is rendered from what is stored, so it is stale once more is stored.
      this.content.trigger();
      this.releaseWaiters();
      this.emit(false);
      this.announceStored(users, unattributed);
      if (this.rowsSinceCompaction >= this.options.compactEvery && !this.closed) await this.compactQuietly();
    }
  }

  private async compactQuietly(): Promise<void> {
    try {
      await this.compact();
    } catch (error) {
      this.options.onError(error, `compacting briefing ${this.briefingId}`);
      this.rowsSinceCompaction = Math.floor(this.options.compactEvery / 2);
    }
  }

  private announceStored(users: Set<string>, unattributed: boolean): void {
    if (!this.options.onStored) return;
    const userIds = [...users];
    const byUserId = userIds.length === 1 && !unattributed ? userIds[0] : undefined;
    try {
      this.options.onStored({ briefingId: this.briefingId, byUserId, userIds });
    } catch (error) {
      this.options.onError(error, `announcing a stored batch of briefing ${this.briefingId}`);
    }
  }

  private releaseWaiters(): void {
    const ready = this.waiters.filter((waiter) => waiter.seq <= this.durableSeq);
    if (!ready.length) return;
    this.waiters = this.waiters.filter((waiter) => waiter.seq > this.durableSeq);
    for (const waiter of ready) waiter.resolve();
  }

  private emit(failing: boolean): void {
    for (const listener of this.listeners) listener(failing);
  }

  private async refreshContent(): Promise<void> {
    try {
      await this.writeContent();
    } catch (error) {
      this.options.onError(error, `writing content of briefing ${this.briefingId}`);
      this.content.trigger();
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
