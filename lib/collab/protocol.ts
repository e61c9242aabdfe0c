import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** y-websocket message types (first varuint of every message). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/**
 * Our extension of the protocol: the save status. The stock y-websocket client logs "Unable to
 * compute message" for types it has no handler for and carries on, and the server only sends it to
 * clients that asked (by sending a save request), so stock clients never see it.
 *
 * client -> server: [100, nonce, clientId?]  "tell me when everything I sent before this is stored"
 *   (clientId, the Yjs client id of the sender's document, lets the server tell the client again
 *   when changes of it that it holds but had not stored yet are stored later)
 * server -> client: [100, ackedNonce, flags, persistedStateVector]
 */
export const MESSAGE_SAVE_STATUS = 100;

/**
 * Our extension for large changes: a message longer than the server's frame cap is sent as
 * consecutive chunks [110, totalBytes, bytes] (see chunked-socket.ts); the server reassembles them
 * into the original message, up to its per-connection limit.
 */
export const MESSAGE_CHUNK = 110;

/**
 * Our extension for comment threads (server -> client only): [120, JSON of a CommentNotice]. Sent
 * only to connections whose actor may read the briefing's comments; the client refetches the
 * thread list from the API (which checks permissions again), so the notice carries ids only.
 * Stock y-websocket clients ignore it.
 */
export const MESSAGE_COMMENTS = 120;

/** What a comment notice says: which comment changed how, and who did it. */
export type CommentNotice = { kind: string; threadId: string; commentId: string; actorId: string };

/** Encodes a comment notice. */
export function encodeCommentNotice(notice: CommentNotice): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_COMMENTS);
  const { kind, threadId, commentId, actorId } = notice;
  encoding.writeVarString(encoder, JSON.stringify({ kind, threadId, commentId, actorId }));
  return encoding.toUint8Array(encoder);
}

/** Decodes the body of a comment notice (after its type); null when it is not one. */
export function decodeCommentNotice(decoder: decoding.Decoder): CommentNotice | null {
  try {
    const value = JSON.parse(decoding.readVarString(decoder)) as Partial<CommentNotice>;
    if (typeof value.threadId !== "string" || typeof value.commentId !== "string") return null;
    return {
      kind: String(value.kind),
      threadId: value.threadId,
      commentId: value.commentId,
      actorId: String(value.actorId),
    };
  } catch {
    return null;
  }
}

const FLAG_READ_ONLY = 1;
const FLAG_STORAGE_FAILING = 2;

/** WebSocket close codes the collaboration server uses. */
export const CLOSE = {
  goingAway: 1001,
  /** A frame that breaks the websocket framing itself (RFC 6455); sent by the `ws` library. */
  protocolError: 1002,
  unsupportedData: 1003,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
  /** The role changed (e.g. editor -> viewer): the client reconnects and gets the new one. */
  accessChanged: 4000,
  /** An update depends on changes the server never got: the client reconnects and resyncs. */
  missingDependencies: 4009,
  /** 44xx are terminal for y-websocket (it stops reconnecting): sign in again, then reconnect. */
  sessionExpired: 4401,
  /** Access to the briefing was removed, or the briefing was deleted. */
  accessRevoked: 4403,
  /**
   * No such briefing. Like the next one, only refused at the upgrade (as HTTP 404/429, see
   * server/collab/refuse.ts): 44xx codes mirror the HTTP status a refused upgrade answers with.
   */
  notFound: 4404,
  /** Too many connections of this account or share link at once (HTTP 429 at the upgrade). */
  tooManyConnections: 4429,
  /** The update would nest the document deeper than MAX_DOCUMENT_DEPTH; resending it cannot help. */
  documentTooDeep: 4422,
  /** The update creates content under a Yjs client id another live connection writes with. */
  clientIdInUse: 4409,
  /** One change is larger than the server accepts from this connection; retrying cannot help. */
  changeTooLarge: 4413,
  /** The connection sent more bytes than its budget allows; reconnecting at once would repeat it. */
  tooMuchData: 4429,
  /** An editor held to "suggestions only" sent a change that is not a suggestion of their own. */
  suggestionsOnly: 4412,
} as const;

/** The server's answer to a save request (and its unsolicited "storage failing" notice). */
export type SaveStatusMessage = {
  /** Every change the client sent before its request with this nonce is durably stored. */
  ackedNonce: number;
  /** The connection is read-only: its document changes are dropped, never stored. */
  readOnly: boolean;
  /** The server's last attempt to store changes failed; it keeps them in memory and retries. */
  storageFailing: boolean;
  /** State vector of the stored document (client id -> clock). */
  stateVector: Map<number, number>;
};

/** Encodes a client's save request. */
export function encodeSaveRequest(nonce: number, clientId?: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SAVE_STATUS);
  encoding.writeVarUint(encoder, nonce);
  if (clientId !== undefined) encoding.writeVarUint(encoder, clientId);
  return encoding.toUint8Array(encoder);
}

/** Encodes the server's save status message. */
export function encodeSaveStatus(message: Omit<SaveStatusMessage, "stateVector">, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SAVE_STATUS);
  encoding.writeVarUint(encoder, message.ackedNonce);
  encoding.writeVarUint(
    encoder,
    (message.readOnly ? FLAG_READ_ONLY : 0) | (message.storageFailing ? FLAG_STORAGE_FAILING : 0),
  );
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Decodes the body of a save status message (after its type). */
export function decodeSaveStatus(decoder: decoding.Decoder): SaveStatusMessage {
  const ackedNonce = decoding.readVarUint(decoder);
  const flags = decoding.readVarUint(decoder);
  const sv = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const stateVector = new Map<number, number>();
  const clients = decoding.readVarUint(sv);
  for (let i = 0; i < clients; i++) stateVector.set(decoding.readVarUint(sv), decoding.readVarUint(sv));
  return {
    ackedNonce,
    readOnly: (flags & FLAG_READ_ONLY) !== 0,
    storageFailing: (flags & FLAG_STORAGE_FAILING) !== 0,
    stateVector,
  };
}
