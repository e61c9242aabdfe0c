/** What a room hands its fan-out when an update or awareness change came from this instance. */
export interface RoomFanout {
  /**
   * Starts relaying a room between instances: the handlers receive what other instances publish
   * for it (never this instance's own messages). Returns the function that stops it.
   */
  subscribe(roomId: string, handlers: RemoteHandlers): () => void;
  /** A document update that originated here (from a local client or the server itself). */
  publishUpdate(roomId: string, update: Uint8Array): void;
  /** An awareness update (y-protocols/awareness encoding) that originated here. */
  publishAwareness(roomId: string, update: Uint8Array): void;
}

export type RemoteHandlers = {
  update(update: Uint8Array): void;
  awareness(update: Uint8Array): void;
};

/** The single-instance fan-out: every client of a room is connected to this process. */
export const localFanout: RoomFanout = {
  subscribe: () => () => {},
  publishUpdate: () => {},
  publishAwareness: () => {},
};
