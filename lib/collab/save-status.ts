import type * as decoding from "lib0/decoding";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { decodeSaveStatus, encodeSaveRequest, MESSAGE_SAVE_STATUS, type SaveStatusMessage } from "./protocol";

/**
 * What the editor shows: "saved" only once the server has durably stored every local change;
 * "unsaved" while the server reports that storing fails (it retries); "offline" while not synced
 * with the server.
 */
export type SaveStatus = "offline" | "saving" | "saved" | "unsaved" | "read-only";

type Provider = Pick<WebsocketProvider, "doc" | "ws" | "wsconnected" | "synced" | "messageHandlers" | "on" | "off">;

/**
 * Computes the save status of a y-websocket provider's document. Every local change (any update
 * not applied by the provider itself, including ones restored from IndexedDB) bumps a counter; the
 * tracker then sends a save request carrying the counter over the provider's socket, after the
 * change itself (requests are deferred to a microtask, after the provider's own update handler has
 * sent the change; on reconnect they go after the sync exchange). The server answers once all it
 * received before the request is committed. A counter alone also covers deletions, which a state
 * vector cannot show; the persisted state vector in the answer is checked as well for this client.
 */
export class SaveStatusTracker {
  private localSeq = 0;
  private ackedSeq = 0;
  private requestedSeq = -1;
  private requestQueued = false;
  private last: SaveStatusMessage | null = null;
  private current: SaveStatus;
  private readonly listeners = new Set<(status: SaveStatus) => void>();

  constructor(private readonly provider: Provider) {
    provider.messageHandlers[MESSAGE_SAVE_STATUS] = (_encoder, decoder) => this.onMessage(decoder);
    provider.doc.on("update", this.onUpdate);
    provider.on("sync", this.onSync);
    provider.on("status", this.onConnection);
    this.current = this.compute();
    if (provider.synced) this.queueRequest();
  }

  /** The current status. */
  get status(): SaveStatus {
    return this.current;
  }

  /** The last save status message from the server (for diagnostics). */
  get lastMessage(): SaveStatusMessage | null {
    return this.last;
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Detaches from the provider and its document. */
  destroy(): void {
    this.provider.doc.off("update", this.onUpdate);
    this.provider.off("sync", this.onSync);
    this.provider.off("status", this.onConnection);
    delete this.provider.messageHandlers[MESSAGE_SAVE_STATUS];
    this.listeners.clear();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider) return;
    this.localSeq++;
    this.queueRequest();
    this.refresh();
  };

  private readonly onSync = (synced: boolean) => {
    // A new connection always asks once: its answer also says whether it is read-only.
    this.requestedSeq = -1;
    if (synced) this.queueRequest();
    this.refresh();
  };

  private readonly onConnection = () => this.refresh();

  private onMessage(decoder: decoding.Decoder): void {
    const message = decodeSaveStatus(decoder);
    this.last = message;
    this.ackedSeq = Math.max(this.ackedSeq, Math.min(message.ackedNonce, this.localSeq));
    this.refresh();
  }

  private queueRequest(): void {
    if (this.requestQueued) return;
    this.requestQueued = true;
    queueMicrotask(() => {
      this.requestQueued = false;
      this.sendRequest();
    });
  }

  private sendRequest(): void {
    const { ws } = this.provider;
    if (!this.provider.synced || !ws || ws.readyState !== ws.OPEN) return;
    if (this.requestedSeq >= this.localSeq) return;
    this.requestedSeq = this.localSeq;
    ws.send(encodeSaveRequest(this.localSeq, this.provider.doc.clientID));
  }

  private compute(): SaveStatus {
    if (this.last?.readOnly) return "read-only";
    if (!this.provider.wsconnected || !this.provider.synced) return "offline";
    const doc = this.provider.doc;
    const ownClock = Y.getState(doc.store, doc.clientID);
    const storedClock = this.last?.stateVector.get(doc.clientID) ?? 0;
    if (this.last && this.ackedSeq >= this.localSeq && storedClock >= ownClock) return "saved";
    return this.last?.storageFailing ? "unsaved" : "saving";
  }

  private refresh(): void {
    const next = this.compute();
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }
}
