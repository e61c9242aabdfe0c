import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { RawData, WebSocket } from "ws";
import { CLOSE, encodeSaveStatus } from "@/lib/collab/protocol";
import { corkUntilIdle } from "./cork";
import { type IncomingLimits, IncomingReader } from "./incoming";
import type { ClientMessage } from "./messages";
import { PresenceGuard, type PresenceLimits } from "./presence-guard";
import { stampPresence } from "./presence-identity";
import { refuse } from "./refuse";
import type { Room } from "./room";
import type { CollabUser, RoomPeer } from "./types";
import { UpdateRefused } from "./update-guard";

export type ConnectionOptions = {
  /** Close a client whose unsent backlog exceeds this (it is not reading; it will resync). */
  maxBufferedBytes: number;
  /** What this connection may put into the room's presence (see PresenceGuard). */
  presence?: PresenceLimits;
  /** Sizes and byte budget of what the client sends. */
  incoming: IncomingLimits;
  onError: (error: unknown, context: string) => void;
};

const EMPTY_STATE_VECTOR = new Uint8Array([0]);
/** A document gets a new client id per session: a handful per connection at most. */
const MAX_CLIENT_IDS = 16;

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * One client's websocket in a room: decodes its messages, enforces read-only access (document
 * changes are dropped, awareness flows), answers save requests once storage has caught up, and
 * closes only this connection on a protocol violation.
 */
export class CollabConnection implements RoomPeer {
  /** Set by every message (and pong, see Liveness); the heartbeat terminates connections that stay silent. */
  alive = true;
  /** Document changes dropped because the connection is read-only. */
  droppedUpdates = 0;
  private closing = false;
  private requestedNonce = 0;
  private ackedNonce = 0;
  /** The last save answer did not cover every change of this client that the room holds. */
  private incomplete = false;
  /** The Yjs client ids this client said its document has (in its save requests). */
  private readonly clientIds = new Set<number>();
  /** Admits this client's presence updates: only its own client ids, bounded in number, size and rate. */
  readonly presence: PresenceGuard;
  private readonly incoming: IncomingReader;

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    /** Replaced when a later check of the credentials renews them. */
    public user: CollabUser,
    /** The upgrade request: its credentials are checked again when access may have changed. */
    readonly request: IncomingMessage,
    private readonly options: ConnectionOptions,
  ) {
    this.presence = new PresenceGuard(
      {
        user: () => this.user,
        current: (clientId) => {
          const meta = room.awareness.meta.get(clientId);
          return meta && { state: room.awareness.getStates().get(clientId), clock: meta.clock };
        },
        apply: (entries) => {
          if (this.isClosing) return; // the room has removed (or will remove) this connection's presence
          this.apply(() => room.applyAwareness(this, stampPresence(entries, this.user)), "Invalid awareness update");
        },
      },
      options.presence,
    );
    ws.once("close", () => this.presence.stop());
    this.incoming = new IncomingReader(options.incoming, () => this.user.readOnly);
    ws.on("message", (data, isBinary) => this.onMessage(data, isBinary));
  }

  /** Sends a message unless closing; closes a client that has stopped reading. */
  send(message: Uint8Array, onFlushed?: () => void): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) {
      if (onFlushed) setImmediate(onFlushed);
      return;
    }
    if (this.ws.bufferedAmount > this.options.maxBufferedBytes) {
      refuse(this, CLOSE.tryAgainLater, "Too far behind; reconnect to resync");
      if (onFlushed) setImmediate(onFlushed);
      return;
    }
    corkUntilIdle((this.ws as unknown as { _socket?: Socket })._socket); // ws keeps its socket there
    this.ws.send(message, onFlushed && (() => onFlushed()));
  }

  /**
   * Storage failed: tells a client waiting for a save answer (it gets the answer later). Storage
   * committed: a client whose last answer did not cover all its changes gets a new one.
   */
  storageChanged(failing: boolean): void {
    if (failing ? this.requestedNonce > this.ackedNonce : this.incomplete) this.sendSaveStatus(this.ackedNonce);
  }

  /** True once the connection is closing (by either side). */
  get isClosing(): boolean {
    return this.closing || this.ws.readyState !== this.ws.OPEN;
  }

  /** Closes the connection; further messages from it are ignored. To refuse it, call refuse(). */
  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.ws.close(code, reason);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closing) return;
    this.alive = true;
    if (!isBinary) {
      refuse(this, CLOSE.unsupportedData, "Text messages are not supported");
      return;
    }
    const incoming = this.incoming.read(toBytes(data));
    if (incoming.kind === "close") {
      refuse(this, incoming.code, incoming.reason);
      return;
    }
    if (incoming.kind === "partial") return;
    const { message } = incoming;
    if (message.kind === "sync-step1" && this.room.serveStored(this, message.stateVector)) return;
    // Presence does not need the document: it must not make the room apply it sooner (serveStored).
    if (message.kind === "awareness") {
      this.handle(message);
      return;
    }
    this.room.whenReady(() => {
      if (!this.closing) this.handle(message);
    });
  }

  private handle(message: ClientMessage): void {
    switch (message.kind) {
      case "sync-step1":
        this.apply(() => this.send(this.room.syncStep2(message.stateVector)), "Invalid state vector");
        return;
      case "update":
        if (this.user.readOnly) {
          this.droppedUpdates++;
          return;
        }
        this.apply(() => this.room.applyUpdate(this, message.update, message.live), "Invalid document update");
        return;
      case "awareness":
        this.presence.admit(message.entries);
        return;
      case "chunk": // reassembled by IncomingReader; never reaches here
        return;
      case "handled":
        this.apply(() => message.handler.handle(this, message.body), `Invalid message of type ${message.type}`);
        return;
      case "save-request":
        if (message.clientId !== null && this.clientIds.size < MAX_CLIENT_IDS) {
          this.clientIds.add(message.clientId);
          if (!this.user.readOnly) this.room.guard.claim(this, message.clientId);
        }
        this.answerSaveRequest(message.nonce);
        return;
    }
  }

  private apply(action: () => void, reason: string): void {
    try {
      action();
    } catch (error) {
      if (error instanceof UpdateRefused) {
        refuse(this, error.code, error.message);
        return;
      }
      this.options.onError(error, `${reason} from user ${this.user.userId} in ${this.room.id}`);
      refuse(this, CLOSE.invalidPayload, reason);
    }
  }

  private answerSaveRequest(nonce: number): void {
    if (this.user.readOnly) {
      this.sendSaveStatus(nonce);
      return;
    }
    this.requestedNonce = Math.max(this.requestedNonce, nonce);
    this.room.persistence.whenPersisted().then(() => {
      this.ackedNonce = Math.max(this.ackedNonce, nonce);
      this.sendSaveStatus(this.ackedNonce);
    });
  }

  private sendSaveStatus(ackedNonce: number): void {
    const { persistence } = this.room;
    const stateVector = this.user.readOnly ? EMPTY_STATE_VECTOR : persistence.persistedStateVector;
    // E.g. after moving here from an instance that died before storing this client's last changes:
    // they are stored later (RemoteLedger), and then this client must hear about it unasked.
    this.incomplete = !this.user.readOnly && !this.room.isStoredFor(this.clientIds, stateVector);
    this.send(
      encodeSaveStatus({ ackedNonce, readOnly: this.user.readOnly, storageFailing: persistence.failing }, stateVector),
    );
  }
}
