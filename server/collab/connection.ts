import type { IncomingMessage } from "node:http";
import type { RawData, WebSocket } from "ws";
import { CLOSE, encodeSaveStatus } from "@/lib/collab/protocol";
import { type ClientMessage, ProtocolError, parseClientMessage } from "./messages";
import type { Room } from "./room";
import type { CollabUser, RoomPeer } from "./types";

export type ConnectionOptions = {
  /** Close a client whose unsent backlog exceeds this (it is not reading; it will resync). */
  maxBufferedBytes: number;
  onError: (error: unknown, context: string) => void;
};

const EMPTY_STATE_VECTOR = new Uint8Array([0]);

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
  /** Set by every pong or message; the heartbeat terminates connections that stay silent. */
  alive = true;
  /** Document changes dropped because the connection is read-only. */
  droppedUpdates = 0;
  private closing = false;
  private requestedNonce = 0;
  private ackedNonce = 0;

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    /** Replaced when a later check of the credentials renews them. */
    public user: CollabUser,
    /** The upgrade request: its credentials are checked again when access may have changed. */
    readonly request: IncomingMessage,
    private readonly options: ConnectionOptions,
  ) {
    ws.on("message", (data, isBinary) => this.onMessage(data, isBinary));
    ws.on("pong", () => {
      this.alive = true;
    });
  }

  /** Sends a message unless closing; closes a client that has stopped reading. */
  send(message: Uint8Array, onFlushed?: () => void): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) {
      if (onFlushed) setImmediate(onFlushed);
      return;
    }
    if (this.ws.bufferedAmount > this.options.maxBufferedBytes) {
      this.close(CLOSE.tryAgainLater, "Too far behind; reconnect to resync");
      if (onFlushed) setImmediate(onFlushed);
      return;
    }
    this.ws.send(message, onFlushed && (() => onFlushed()));
  }

  /** Tells a client waiting for a save answer that storage failed (it will get the answer later). */
  storageChanged(failing: boolean): void {
    if (!failing || this.requestedNonce <= this.ackedNonce) return;
    this.sendSaveStatus(this.ackedNonce);
  }

  /** True once the connection is closing (by either side). */
  get isClosing(): boolean {
    return this.closing || this.ws.readyState !== this.ws.OPEN;
  }

  /** Closes the connection; further messages from it are ignored. */
  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.ws.close(code, reason);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closing) return;
    this.alive = true;
    if (!isBinary) {
      this.close(CLOSE.unsupportedData, "Text messages are not supported");
      return;
    }
    let message: ClientMessage;
    try {
      message = parseClientMessage(toBytes(data));
    } catch (error) {
      const protocolError = error instanceof ProtocolError ? error : new ProtocolError("malformed", "invalid message");
      const code = protocolError.kind === "unsupported" ? CLOSE.unsupportedData : CLOSE.invalidPayload;
      this.close(code, `Malformed message: ${protocolError.message}`.slice(0, 120));
      return;
    }
    if (message.kind === "sync-step1" && this.room.serveStored(this, message.stateVector)) return;
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
        this.apply(() => this.room.applyUpdate(this, message.update), "Invalid document update");
        return;
      case "awareness":
        this.apply(() => this.room.applyAwareness(this, message.update), "Invalid awareness update");
        return;
      case "query-awareness":
        this.send(this.room.awarenessSnapshot());
        return;
      case "save-request":
        this.answerSaveRequest(message.nonce);
        return;
    }
  }

  private apply(action: () => void, reason: string): void {
    try {
      action();
    } catch (error) {
      this.options.onError(error, `${reason} from user ${this.user.userId} in ${this.room.id}`);
      this.close(CLOSE.invalidPayload, reason);
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
    this.send(
      encodeSaveStatus({ ackedNonce, readOnly: this.user.readOnly, storageFailing: persistence.failing }, stateVector),
    );
  }
}
