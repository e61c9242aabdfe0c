import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_CHUNK,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SAVE_STATUS,
  MESSAGE_SYNC,
} from "@/lib/collab/protocol";
import type { PresenceGuard } from "./presence-guard";
import type { Room } from "./room";
import type { CollabUser } from "./types";

/** A decoded client message. */
export type ClientMessage =
  | { kind: "sync-step1"; stateVector: Uint8Array }
  /** `live`: an incremental edit (sync update), not the catch-up of a sync step 2. */
  | { kind: "update"; update: Uint8Array; live: boolean }
  /** One piece of a large message (see lib/collab/chunked-socket.ts). */
  | { kind: "chunk"; totalBytes: number; bytes: Uint8Array }
  | { kind: "awareness"; entries: AwarenessEntry[] }
  | { kind: "save-request"; nonce: number; clientId: number | null }
  /** A message type of MESSAGE_HANDLERS: handled by its handler. */
  | { kind: "handled"; type: number; handler: MessageHandler; body: unknown };

/** What a message handler may use of the connection the message came from. */
export interface MessageContext {
  /** Who sent it (read it at each use: a renewed check of the credentials replaces it). */
  readonly user: CollabUser;
  readonly room: Room;
  /** The sender's presence admission (rate and ownership of its presences). */
  readonly presence: PresenceGuard;
  /** Sends to the sender (dropped when its connection is closing). */
  send(message: Uint8Array): void;
  /** Closes the sender's connection (a code of lib/collab/protocol.ts; see refuse.ts). */
  close(code: number, reason: string): void;
}

/**
 * A message type handled outside the y-websocket core (sync, awareness, chunks, save status).
 * `decode` reads the body after the type and throws ProtocolError when it is malformed (trailing
 * bytes are refused for it); `handle` runs once the room holds its stored state, for read-only
 * connections too (check `context.user.readOnly` before changing anything). Every frame is
 * charged to the connection's byte budget before decoding, so a new type needs no budget of its
 * own for its bytes, only for what it makes the server do (a rate, like PresenceGuard's).
 */
export type MessageHandler<Body = unknown> = {
  decode(decoder: decoding.Decoder): Body;
  handle(context: MessageContext, body: Body): void;
};

/** Types a handler's body for the registry. */
export function defineMessageHandler<Body>(handler: MessageHandler<Body>): MessageHandler {
  return handler as MessageHandler;
}

const queryAwareness = defineMessageHandler<void>({
  decode: () => undefined,
  handle: (context) => {
    if (context.presence.allowQuery()) context.send(context.room.awarenessSnapshot());
  },
});

/**
 * The plug-in seam for new message types: one entry per type (its number goes in
 * lib/collab/protocol.ts, for the client too). A feature adds its handler here, e.g.
 * `[MESSAGE_COMMENT]: commentMessages` with `commentMessages` defined (decode + handle) in its
 * own file; the connection, the reader and the server need no change.
 */
export const MESSAGE_HANDLERS: ReadonlyMap<number, MessageHandler> = new Map([
  [MESSAGE_QUERY_AWARENESS, queryAwareness],
]);

/** Why a message was rejected: unsupported (close 1003) or malformed (close 1007). */
export class ProtocolError extends Error {
  constructor(
    readonly kind: "unsupported" | "malformed",
    message: string,
  ) {
    super(message);
  }
}

function readBody(decoder: decoding.Decoder, type: number): ClientMessage {
  switch (type) {
    case MESSAGE_SYNC: {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        return { kind: "sync-step1", stateVector: decoding.readVarUint8Array(decoder) };
      }
      if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        const live = syncType === syncProtocol.messageYjsUpdate;
        return { kind: "update", update: decoding.readVarUint8Array(decoder), live };
      }
      throw new ProtocolError("malformed", `unknown sync message type ${syncType}`);
    }
    case MESSAGE_AWARENESS: {
      return { kind: "awareness", entries: readAwarenessEntries(decoding.readVarUint8Array(decoder)) };
    }
    case MESSAGE_CHUNK: {
      const totalBytes = decoding.readVarUint(decoder);
      return { kind: "chunk", totalBytes, bytes: decoding.readVarUint8Array(decoder) };
    }
    case MESSAGE_SAVE_STATUS: {
      const nonce = decoding.readVarUint(decoder);
      const clientId = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : null;
      return { kind: "save-request", nonce, clientId };
    }
    case MESSAGE_AUTH:
      throw new ProtocolError("unsupported", "auth messages are not accepted; authenticate at connection time");
    default: {
      const handler = MESSAGE_HANDLERS.get(type);
      if (!handler) throw new ProtocolError("unsupported", `unsupported message type ${type}`);
      return { kind: "handled", type, handler, body: handler.decode(decoder) };
    }
  }
}

/** One presence of an awareness update (y-protocols encoding); `state` null = the client left. */
export type AwarenessEntry = { clientId: number; clock: number; state: unknown };

/**
 * Decodes a whole awareness update before any of it is applied: y-protocols applies the entries one
 * by one and throws at the first bad JSON, leaving the earlier entries applied without announcing
 * them, so no connection is recorded as their owner and they outlive it as ghost presences.
 */
function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const entries: AwarenessEntry[] = [];
    for (let i = decoding.readVarUint(decoder); i > 0; i--) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) });
    }
    if (decoding.hasContent(decoder)) throw new Error("trailing bytes");
    return entries;
  } catch {
    throw new ProtocolError("malformed", "invalid awareness update");
  }
}

/**
 * Decodes one client message, checking it is complete and has no trailing bytes. Throws
 * ProtocolError; the payloads are views into `data`. Awareness updates are decoded whole here;
 * document updates are not (Yjs validates them while applying).
 */
export function parseClientMessage(data: Uint8Array): ClientMessage {
  let message: ClientMessage;
  let decoder: decoding.Decoder;
  try {
    decoder = decoding.createDecoder(data);
    message = readBody(decoder, decoding.readVarUint(decoder));
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError("malformed", "truncated or invalid message");
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError("malformed", "trailing bytes after message");
  return message;
}
