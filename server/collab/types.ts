import type { IncomingMessage } from "node:http";

/**
 * Who is on the other end of a collaboration connection. `expiresAt` (epoch ms) is when the
 * credentials it connected with (session or token) stop being valid: the server checks them again
 * then, and closes the connection with 4401 unless they were renewed.
 */
export type CollabUser = {
  userId: string;
  name: string;
  readOnly: boolean;
  expiresAt?: number;
  /** Set for a share link's anonymous viewers (who all share the link's identity): its id. */
  shareLinkId?: string;
  /** May read the briefing's comment threads: then it receives comment notices (comment-channel.ts). */
  readComments?: boolean;
  /** Editor held to "suggestions only": updates must only add suggestions (./suggest-only.ts). */
  suggestOnly?: boolean;
};

/**
 * Decides whether the upgrade request may open this briefing. Return null to refuse with 403, or
 * throw an AppError (unauthorized 401, forbidden 403, not_found 404...) to pick the status; any
 * other error refuses with 500. Called before the websocket exists, so a refusal is plain HTTP.
 */
export type CollabAuthorizer = (req: IncomingMessage, briefingId: string) => Promise<CollabUser | null>;

/** The room's view of a local connection. */
export interface RoomPeer {
  readonly user: CollabUser;
  /**
   * Sends an encoded y-websocket message; may drop it when the connection is closing.
   * `onFlushed` runs once the message is handed to the operating system (or dropped).
   */
  send(message: Uint8Array, onFlushed?: () => void): void;
  /** The server's storage started failing or recovered while this peer waits for a save answer. */
  storageChanged(failing: boolean): void;
}
