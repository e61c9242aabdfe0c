import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { BriefingPersistence, type PersistenceOptions, STORAGE_ORIGIN } from "@/lib/briefings/persistence";
import type { BriefingStore } from "@/lib/briefings/store";
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from "@/lib/collab/protocol";
import type { RoomFanout } from "./fanout";
import type { RoomPeer } from "./types";

/** Origin of changes relayed from other instances: broadcast locally, never stored or republished. */
export const REMOTE_ORIGIN = Symbol("collab-remote");

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/**
 * One loaded briefing: its Y.Doc and awareness, the local peers editing it, its persistence and
 * its fan-out to other instances. Changes from local peers (and from the server itself) are
 * broadcast to the other peers, stored and published; changes from other instances are only
 * broadcast; the stored state applied at load is neither stored again nor published.
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peers = new Set<RoomPeer>();
  private readonly peerClients = new Map<RoomPeer, Set<number>>();
  private readonly unsubscribe: () => void;
  private readonly stopWatchingStorage: () => void;

  private constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    readonly persistence: BriefingPersistence,
    private readonly fanout: RoomFanout,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the server has no presence of its own
    doc.on("update", this.onDocUpdate);
    this.awareness.on("update", this.onAwarenessUpdate);
    this.unsubscribe = fanout.subscribe(id, {
      update: (update) => Y.applyUpdate(doc, update, REMOTE_ORIGIN),
      awareness: (update) => awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN),
    });
    this.stopWatchingStorage = persistence.onChange((failing) => {
      for (const peer of this.peers) peer.storageChanged(failing);
    });
  }

  /** Loads a briefing into a new room; null when it does not exist or is deleted. */
  static async load(
    id: string,
    store: BriefingStore,
    fanout: RoomFanout,
    options: Partial<PersistenceOptions> = {},
  ): Promise<Room | null> {
    const doc = new Y.Doc();
    const persistence = await BriefingPersistence.load(store, id, doc, options);
    if (!persistence) {
      doc.destroy();
      return null;
    }
    return new Room(id, doc, persistence, fanout);
  }

  /** Number of local peers. */
  get size(): number {
    return this.peers.size;
  }

  /** Adds a peer and starts the sync: the server's state vector, then who is here. */
  add(peer: RoomPeer): void {
    this.peers.add(peer);
    this.peerClients.set(peer, new Set());
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    peer.send(encoding.toUint8Array(encoder));
    if (this.awareness.getStates().size > 0) peer.send(this.awarenessSnapshot());
  }

  /** Removes a peer and the awareness states it controlled. */
  remove(peer: RoomPeer): void {
    this.peers.delete(peer);
    const clients = this.peerClients.get(peer);
    this.peerClients.delete(peer);
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

  /** Applies a peer's document update; throws on an invalid update. */
  applyUpdate(peer: RoomPeer, update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, peer);
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
    await this.persistence.close(deadline);
    this.unsubscribe();
    this.stopWatchingStorage();
    this.doc.off("update", this.onDocUpdate);
    this.awareness.off("update", this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    const message = syncUpdateMessage(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
    if (origin === REMOTE_ORIGIN || origin === STORAGE_ORIGIN) return;
    this.persistence.enqueue(update);
    this.fanout.publishUpdate(this.id, update);
  };

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const clients = this.peerClients.get(origin as RoomPeer);
    if (clients) {
      for (const id of added) clients.add(id);
      for (const id of removed) clients.delete(id);
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
    const message = awarenessMessage(update);
    for (const peer of this.peers) peer.send(message);
    if (origin !== REMOTE_ORIGIN) this.fanout.publishAwareness(this.id, update);
  };
}
