import * as Y from "yjs";
import type { NotificationDraft } from "@/lib/notifications/create";
import { deriveBriefingContent } from "./content";
import { rederiveStaleContent } from "./stale-content";
import {
  applyStoredState,
  type BriefingUpdateLog,
  type CompactionResult,
  type StoredBriefingState,
} from "./update-log";

/** Delivers the @mention notifications a content write returns (notifyDocumentMentions). */
export type MentionNotifier = (drafts: NotificationDraft[]) => Promise<void>;

/** A briefing's stored document as handed to a room: apply `snapshot`, then `update`. */
export type OpenedBriefing = { snapshot: Uint8Array | null; update: Uint8Array | null };

/**
 * Durable storage of briefing documents as the collaboration server uses it. Implementations keep
 * their own copy of each open document, built only from what is stored, so compaction, derived
 * content and the persisted state vector never need the live document (and can run on another
 * thread: see ThreadedBriefingStore).
 */
export interface BriefingStore {
  /** Reads a briefing; null when it does not exist or is deleted. */
  open(briefingId: string): Promise<OpenedBriefing | null>;
  /** Appends an update to the log; resolves with the state vector of everything stored. */
  append(briefingId: string, update: Uint8Array): Promise<Uint8Array>;
  /** Folds the log into the snapshot. */
  compact(briefingId: string): Promise<CompactionResult>;
  /** Rewrites the derived JSON and text from the stored document. */
  writeContent(briefingId: string): Promise<void>;
  /**
   * Rewrites the derived content of briefings whose log outran it (left by an unclean stop), for
   * those nobody opens again too; resolves with how many were rewritten.
   */
  rederiveStale(): Promise<number>;
  /** Forgets the open document (after close). */
  release(briefingId: string): Promise<void>;
  /** Releases everything (and the worker, if any). */
  close(): Promise<void>;
}

/** How long an append waits for other instances to store what its update depends on. */
const PENDING_WAIT_MS = 1_000;

/** This thread's copy of a stored document: the snapshot `version` plus log rows up to `maxId`. */
type Copy = { doc: Y.Doc; version: number; maxId: number };

/**
 * The BriefingStore over a BriefingUpdateLog in the calling thread. Its copy of a document is
 * rebuilt from the database when missing (after a restart of its thread, or for a briefing that
 * was never opened), so every operation works on any briefing at any time.
 */
export class LocalBriefingStore implements BriefingStore {
  private readonly copies = new Map<string, Promise<Copy | null>>();
  /**
   * The state read at open, kept as bytes until the copy is first needed (the first append,
   * compaction or content write): a room nobody edits never pays for a second Y.Doc, and building
   * it does not compete with the opener, which is applying the same state right then.
   */
  private readonly unbuilt = new Map<string, StoredBriefingState>();

  /** `notify` delivers the mentions found by content writes (the worker thread posts them to its parent). */
  constructor(
    readonly log: BriefingUpdateLog,
    private readonly notify: MentionNotifier,
  ) {}

  async open(briefingId: string): Promise<OpenedBriefing | null> {
    const state = await this.log.load(briefingId);
    if (!state || state.deleted) return null;
    const update = state.updates.length > 1 ? Y.mergeUpdates(state.updates) : (state.updates[0] ?? null);
    const existing = this.copies.get(briefingId);
    if (existing) {
      // Opened again while a copy exists (a room reloaded): bring that copy up to date instead.
      await existing.then((copy) => copy && this.catchUp(briefingId, copy));
    } else {
      this.unbuilt.set(briefingId, { ...state, updates: update ? [update] : [] });
    }
    return { snapshot: state.snapshot, update };
  }

  async append(briefingId: string, update: Uint8Array): Promise<Uint8Array> {
    await this.log.append(briefingId, update);
    const copy = await this.copy(briefingId);
    if (!copy) throw new Error(`Briefing ${briefingId} disappeared while being edited`);
    Y.applyUpdate(copy.doc, update);
    if (isPending(copy)) await this.resolvePending(briefingId, copy);
    return Y.encodeStateVector(copy.doc);
  }

  /**
   * An update that builds on structs the copy lacks stays pending in it (Yjs integrates nothing
   * with missing dependencies), and the persisted state vector would not cover it. That happens
   * when another instance stored them (a client that moved here, or an edit next to one made on
   * another instance that is committing it right now): fetch what the others stored, waiting a
   * little for their commits. (Changes orphaned by an instance that died are stored by this room's
   * next batches, see RemoteLedger; clients are told when that completes.)
   */
  private async resolvePending(briefingId: string, copy: Copy): Promise<void> {
    const until = Date.now() + PENDING_WAIT_MS;
    for (let delay = 0; isPending(copy) && Date.now() < until; delay = Math.min(delay * 2 || 10, 500)) {
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      // After a first look at the new rows, every row: on PostgreSQL a row with a lower id than one
      // already read can commit later (another instance's batch), and reading only above the
      // highest id read would never see it, leaving its clients "saving" for good.
      await this.catchUp(briefingId, copy, delay === 0 ? copy.maxId : 0);
    }
  }

  /**
   * Applies what other instances stored since the copy was built or last caught up (and our own
   * rows again, which Yjs ignores), so that the persisted state vector covers a client that moved
   * here from another instance and derived content includes every instance's edits. A failure only
   * leaves the copy behind (reported state vectors are then lower, never higher, than the truth).
   * Reads the rows above `afterId` (see resolvePending for when that is not enough).
   */
  private async catchUp(briefingId: string, copy: Copy, afterId = copy.maxId): Promise<void> {
    try {
      const changes = await this.log.changesSince(briefingId, afterId, copy.version);
      if (!changes) return;
      applyStoredState(copy.doc, changes);
      copy.maxId = Math.max(copy.maxId, changes.maxId);
      copy.version = changes.version;
    } catch {
      // Next append or compaction catches up.
    }
  }

  async compact(briefingId: string): Promise<CompactionResult> {
    const copy = await this.copy(briefingId);
    if (!copy) return { status: "missing" };
    const result = await this.log.compact(briefingId, { doc: copy.doc, knownVersion: copy.version });
    if ("version" in result) copy.version = result.version;
    return result;
  }

  async writeContent(briefingId: string): Promise<void> {
    const copy = await this.copy(briefingId);
    if (!copy) return;
    await this.catchUp(briefingId, copy);
    await this.notify(await this.log.writeContent(briefingId, deriveBriefingContent(copy.doc, briefingId)));
  }

  rederiveStale(): Promise<number> {
    return rederiveStaleContent(this.log, this.notify, (error, context) =>
      console.error(`[briefing store] ${context}:`, error),
    );
  }

  async release(briefingId: string): Promise<void> {
    this.unbuilt.delete(briefingId);
    const copy = await this.copies.get(briefingId);
    this.copies.delete(briefingId);
    copy?.doc.destroy();
  }

  async close(): Promise<void> {
    this.unbuilt.clear();
    await Promise.all([...this.copies.keys()].map((id) => this.release(id)));
  }

  private copy(briefingId: string): Promise<Copy | null> {
    const copy = this.copies.get(briefingId);
    if (copy) return copy;
    const state = this.unbuilt.get(briefingId);
    this.unbuilt.delete(briefingId);
    if (state) return this.track(briefingId, Promise.resolve(buildCopy(state)));
    return this.track(
      briefingId,
      this.log.load(briefingId).then((loaded) => (loaded ? buildCopy(loaded) : null)),
    );
  }

  private track(briefingId: string, copy: Promise<Copy | null>): Promise<Copy | null> {
    this.copies.set(briefingId, copy);
    // A failed build is forgotten, so the next call retries it.
    copy.catch(() => {
      if (this.copies.get(briefingId) === copy) this.copies.delete(briefingId);
    });
    return copy;
  }
}

function isPending(copy: Copy): boolean {
  return copy.doc.store.pendingStructs !== null || copy.doc.store.pendingDs !== null;
}

function buildCopy(state: Pick<StoredBriefingState, "snapshot" | "updates" | "version" | "maxId">): Copy {
  const doc = new Y.Doc();
  applyStoredState(doc, state);
  return { doc, version: state.version, maxId: state.maxId };
}
