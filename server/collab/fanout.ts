import { randomBytes } from "node:crypto";
import type { AccessChange } from "@/lib/auth/access-events";

export type { AccessChange };

/**
 * How a loaded room talks to the other instances that have the same briefing loaded. Every
 * message carries the sending room's `originId` (one per room load), so a room never receives
 * its own messages back and a reply can be addressed to one room.
 */
export interface RoomFanout {
  /**
   * Starts relaying a room between instances. Once the subscription is live the fan-out asks the
   * other instances for what this room lacks (and again after every reconnection of the link),
   * so nothing published before or during a gap is missed. Returns the function that stops it.
   */
  subscribe(roomId: string, originId: string, handlers: RemoteHandlers): () => void;
  /** A document update that originated here; `seq` numbers it in this room's persistence. */
  publishUpdate(roomId: string, originId: string, update: Uint8Array, seq: number): void;
  /** An awareness update (y-protocols/awareness encoding) that originated here. */
  publishAwareness(roomId: string, originId: string, update: Uint8Array): void;
  /** This room has durably stored every update it published up to `seq`. */
  publishStored(roomId: string, originId: string, seq: number): void;
  /** Tells the other instances that access changed (this instance handles it itself). */
  publishAccessChange(change: AccessChange): void;
  /** Calls `listener` for access changes announced by other instances. */
  onAccessChange(listener: (change: AccessChange) => void): () => void;
  /**
   * Sends a small instance-wide notice on `topic` (JSON text) to the other instances (this
   * instance handles its own). Used by plug-ins such as the comment channel.
   */
  publishNotice(topic: string, payload: string): void;
  /** Calls `listener` for notices on `topic` sent by other instances. */
  onNotice(topic: string, listener: (payload: string) => void): () => void;
  /** Stops the link (after the rooms are closed). */
  close(): Promise<void>;
}

/** What the fan-out calls on a room. */
export type RemoteHandlers = {
  /**
   * An update from another instance's room `originId`, which stores it as its `seq`-th (a reply
   * to this room's state request is numbered the same way: everything in it up to that seq).
   */
  update(update: Uint8Array, originId: string, seq: number): void;
  awareness(update: Uint8Array): void;
  /** Room `originId` has stored everything up to `seq`. */
  stored(originId: string, seq: number): void;
  /** This room's state vector, for asking the others what it lacks. */
  stateVector(): Promise<Uint8Array>;
  /** What a room with `stateVector` lacks, and the seq this room has reached. */
  stateFor(stateVector: Uint8Array): Promise<{ update: Uint8Array; seq: number }>;
  /** The awareness of this instance's clients (re-announced after a reconnection), or null. */
  localAwareness(): Uint8Array | null;
};

/** The single-instance fan-out: every client of a room is connected to this process. */
export const localFanout: RoomFanout = {
  subscribe: () => () => {},
  publishUpdate: () => {},
  publishAwareness: () => {},
  publishStored: () => {},
  publishAccessChange: () => {},
  onAccessChange: () => () => {},
  publishNotice: () => {},
  onNotice: () => () => {},
  close: async () => {},
};

/** A fresh random origin id for a room load or an instance (hex of 16 bytes, as sent). */
export function newOriginId(): string {
  return randomBytes(16).toString("hex");
}
