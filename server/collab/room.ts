import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { BriefingStore, OpenedBriefing } from "@/lib/briefings/doc/store";
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from "@/lib/collab/protocol";
import { newOriginId, type RemoteHandlers, type RoomFanout } from "./fanout";
import { BriefingPersistence, type PersistenceOptions, STORAGE_ORIGIN } from "./persistence";
import { RemoteLedger } from "./remote-ledger";
import type { RoomPeer } from "./types";
import { UpdateGuard } from "./update-guard";

/** Origin of changes relayed from other instances: broadcast locally, never stored or republished. */
export const REMOTE_ORIGIN = Symbol("collab-remote");

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An update holding nothing: no structs, empty delete set. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

export type RoomOptions = Partial<PersistenceOptions> & {
  onError: (error: unknown, context: string) => void;
  /** How long an update from another instance may stay unconfirmed before this room stores it. */
  orphanAfterMs?: number;
  /** How long a room served as stored bytes waits before applying them when nothing needs them. */
  applyStoredAfterMs?: number;
};

/**
 * One loaded briefing: its Y.Doc and awareness, the local peers editing it, its persistence and
 * its fan-out to other instances. Changes from local peers (and from the server itself) are
 * broadcast to the other peers, stored and published; changes from other instances are only
 * broadcast (their origin stores them; see RemoteLedger for when it cannot); the stored state
 * applied at load is neither stored again nor published.
 *
 * The stored state is applied to the document lazily: a client that has nothing yet gets the
 * stored snapshot as it is (no encoding) and the server applies it to its document after the
 * client did (when something needs the document, or when idle), instead of before. Everything
 * that needs the document waits for that (whenReady).
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peers = new Set<RoomPeer>();
  private readonly peerClients = new Map<RoomPeer, Set<number>>();
  private readonly unsubscribe: () => void;
  private readonly stopWatchingStorage: () => void;
  private readonly deferred: (() => void)[] = [];
  private materializeScheduled = false;
  /** Identifies this load of the room in fan-out messages. */
  private readonly originId = newOriginId();
  private readonly ledger: RemoteLedger;
  private orphanTimer: ReturnType<typeof setInterval> | undefined;
  private idleMaterialize: ReturnType<typeof setTimeout> | undefined;
  /** Applies local peers' updates: client ids bound to connections, no pending structs kept. */
  readonly guard: UpdateGuard;

  private constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    readonly persistence: BriefingPersistence,
    private readonly fanout: RoomFanout,
    private stored: OpenedBriefing | null,
    private readonly onError: (error: unknown, context: string) => void,
    orphanAfterMs: number,
    private readonly applyStoredAfterMs: number,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the server has no presence of its own
    this.ledger = new RemoteLedger(orphanAfterMs);
    this.guard = new UpdateGuard(doc);
    doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
    this.stopWatchingStorage = persistence.onChange((failing) => {
      if (!failing) fanout.publishStored(id, this.originId, persistence.stored);
      for (const peer of this.peers) peer.storageChanged(failing);
    });
    this.unsubscribe = fanout.subscribe(id, this.originId, this.remoteHandlers());
  }

  /** Loads a briefing into a new room; null when it does not exist or is deleted. */
  static async load(id: string, store: BriefingStore, fanout: RoomFanout, options: RoomOptions): Promise<Room | null> {
    const doc = new Y.Doc();
    const opened = await BriefingPersistence.open(store, id, doc, options);
    if (!opened) {
      doc.destroy();
      return null;
    }
    return new Room(
      id,
      doc,
      opened.persistence,
      fanout,
      opened.stored,
      options.onError,
      options.orphanAfterMs ?? 3_000,
      options.applyStoredAfterMs ?? 1_000,
    );
  }

  /** Number of local peers. */
  get size(): number {
    return this.peers.size;
  }

  /** Adds a peer and starts the sync: the server's state vector, then who is here. */
  add(peer: RoomPeer): void {
    this.peers.add(peer);
    this.peerClients.set(peer, new Set());
    // The greeting alone does not apply the stored state: the peer's first message decides how.
    this.whenReady(() => {
      if (!this.peers.has(peer)) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      peer.send(encoding.toUint8Array(encoder));
    }, false);
    if (this.awareness.getStates().size > 0) peer.send(this.awarenessSnapshot());
  }

  /**
   * Runs `action` once the document holds the stored state: at once, or after applying it (which
   * `action` then requests, unless `applySoon` is false).
   */
  whenReady(action: () => void, applySoon = true): void {
    if (!this.stored) {
      action();
      return;
    }
    this.deferred.push(action);
    if (applySoon) this.scheduleMaterialize();
  }

  /**
   * Answers a peer's sync step 1 with the stored state as it is, when the document is not applied
   * yet and the peer has nothing (empty state vector); otherwise returns false (the normal answer,
   * computed from the document, is needed). Log rows beyond the snapshot (a crash left them) go
   * first, as an update: the client holds them as pending (they build on the snapshot) and
   * integrates them while applying the snapshot, the step 2 after which it counts as synced, so it
   * never shows the document without them. Applying and encoding them in the room first instead
   * took ~300 ms before the client could start.
   */
  serveStored(peer: RoomPeer, stateVector: Uint8Array): boolean {
    const stored = this.stored;
    if (!stored || stateVector.length !== 1 || stateVector[0] !== 0) return false;
    if (stored.snapshot && stored.update) peer.send(syncUpdateMessage(stored.update));
    peer.send(syncStep2Message(stored.snapshot ?? stored.update ?? EMPTY_UPDATE));
    // Not at once: the client is applying the same state right now, and on a small machine the two
    // compete for the cores (the open took twice as long). The first thing that needs the document
    // (an edit, a save request, another instance's update) applies it sooner.
    this.idleMaterialize ??= setTimeout(() => this.scheduleMaterialize(), this.applyStoredAfterMs);
    this.idleMaterialize.unref?.();
    return true;
  }

  /**
   * True when the stored document holds everything the room has from these Yjs clients. Updates
   * relayed from another instance are stored by that instance (or, if it dies, by this room
   * later), so a client that moved here may have changes in the room that are not stored yet.
   */
  isStoredFor(clients: ReadonlySet<number>, persistedStateVector: Uint8Array): boolean {
    if (!clients.size || this.stored) return true;
    const persisted = Y.decodeStateVector(persistedStateVector);
    for (const client of clients) {
      if (Y.getState(this.doc.store, client) > (persisted.get(client) ?? 0)) return false;
    }
    return true;
  }

  /** Removes a peer and the awareness states it controlled. */
  remove(peer: RoomPeer): void {
    this.peers.delete(peer);
    const clients = this.peerClients.get(peer);
    this.peerClients.delete(peer);
    this.guard.release(peer);
    if (clients?.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], peer);
  }

  /** The sync step 2 message answering a peer's state vector; throws on an invalid state vector. */
  syncStep2(stateVector: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector));
    return encoding.toUint8Array(encoder);
  }

  /**
   * Applies a peer's document update (`live`: an incremental edit rather than a sync step 2);
   * throws UpdateRefused (see UpdateGuard) or, for an invalid update, any other error.
   */
  applyUpdate(peer: RoomPeer, update: Uint8Array, live = true): void {
    this.guard.apply(peer, update, live);
  }

  /** Applies a peer's awareness update; throws on an invalid one. */
  applyAwareness(peer: RoomPeer, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  /** An awareness message with every known state. */
  awarenessSnapshot(): Uint8Array {
    return awarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
    );
  }

  /** Persists everything and releases the document; throws (room stays usable) if storing fails. */
  async close(deadline?: number): Promise<void> {
    // Unconfirmed updates from other instances are stored too: this may be the last copy.
    this.storeOrphans(Number.POSITIVE_INFINITY);
    await this.persistence.close(deadline);
    clearInterval(this.orphanTimer);
    clearTimeout(this.idleMaterialize);
    this.unsubscribe();
    this.stopWatchingStorage();
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private remoteHandlers(): RemoteHandlers {
    const { doc } = this;
    return {
      update: (update, originId, seq) =>
        this.whenReady(() => {
          Y.applyUpdate(doc, update, REMOTE_ORIGIN);
          this.ledger.add(originId, seq, update);
          this.orphanTimer ??= setInterval(() => this.storeOrphans(Date.now()), 500);
        }),
      awareness: (update) => awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN),
      stored: (originId, seq) => this.ledger.confirm(originId, seq),
      stateVector: () => new Promise((resolve) => this.whenReady(() => resolve(Y.encodeStateVector(doc)))),
      stateFor: (stateVector) =>
        new Promise((resolve, reject) =>
          this.whenReady(() => {
            try {
              resolve({ update: Y.encodeStateAsUpdate(doc, stateVector), seq: this.persistence.enqueued });
            } catch (error) {
              reject(error);
            }
          }),
        ),
      localAwareness: () => {
        const clients = [...this.peerClients.values()].flatMap((set) => [...set]);
        return clients.length ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients) : null;
      },
    };
  }

  /** Stores the remote updates whose origin has not confirmed them within the orphan delay. */
  private storeOrphans(now: number): void {
    const orphans = this.ledger.takeOrphans(now);
    if (orphans) this.persistence.enqueue(orphans);
    if (this.ledger.size === 0) {
      clearInterval(this.orphanTimer);
      this.orphanTimer = undefined;
    }
  }

  private scheduleMaterialize(): void {
    if (this.materializeScheduled || !this.stored) return;
    this.materializeScheduled = true;
    setImmediate(() => this.materialize());
  }

  private materialize(): void {
    clearTimeout(this.idleMaterialize);
    const stored = this.stored;
    if (!stored) return;
    this.persistence.applyStored(stored);
    this.stored = null;
    for (const action of this.deferred.splice(0)) {
      try {
        action();
      } catch (error) {
        this.onError(error, `deferred action in briefing ${this.id}`);
      }
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    // The stored state: the peers either got it as stored bytes or will get it from the sync.
    if (origin === STORAGE_ORIGIN) return;
    const message = syncUpdateMessage(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
    if (origin === REMOTE_ORIGIN) return;
    const seq = this.persistence.enqueue(
      update,
      this.peers.has(origin as RoomPeer) ? (origin as RoomPeer).user.userId : undefined,
    );
    this.fanout.publishUpdate(this.id, this.originId, update, seq);
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const clients = this.peerClients.get(origin as RoomPeer);
    if (clients) {
      // A client that comes back (same document, after its connection dropped) is "updated", not
      // "added": y-protocols keeps its meta after removal. It is this connection's all the same.
      for (const id of [...added, ...updated]) clients.add(id);
      for (const id of removed) clients.delete(id);
      // A person's new connection took over a presence from their old one (see PresenceGuard):
      // closing the old one must not remove it.
      for (const [peer, owned] of this.peerClients) {
        if (peer === origin) continue;
        for (const id of [...added, ...updated]) owned.delete(id);
      }
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
    const message = awarenessMessage(update);
    for (const peer of this.peers) peer.send(message);
    if (origin !== REMOTE_ORIGIN) this.fanout.publishAwareness(this.id, this.originId, update);
  };
}
