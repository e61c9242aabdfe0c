import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import { onAccessChange } from "@/lib/auth/access-events";
import type { PersistenceOptions } from "@/lib/briefings/persistence";
import type { BriefingStore } from "@/lib/briefings/store";
import { CLOSE } from "@/lib/collab/protocol";
import { concerns, recheckConnection } from "./access";
import { type ByteBudgetOptions, DEFAULT_BYTE_BUDGET } from "./byte-budget";
import { attachCommentChannel } from "./comment-channel";
import { CollabConnection } from "./connection";
import { ConnectionCounter, type ConnectionLimits } from "./connection-limits";
import { type AccessChange, localFanout, type RoomFanout } from "./fanout";
import { DEFAULT_PRESENCE_LIMITS, type PresenceLimits } from "./presence-guard";
import type { Room } from "./room";
import { RoomRegistry } from "./rooms";
import type { CollabAuthorizer, CollabUser } from "./types";
import { briefingIdFromUrl, refusalFor, refuseUpgrade } from "./upgrade";

export type CollabServerOptions = {
  /** Where documents are stored (the caller owns it and closes it after the server). */
  store: BriefingStore;
  authorize: CollabAuthorizer;
  /** Links instances (RedisFanout); without it the server assumes it is the only instance. */
  fanout?: RoomFanout;
  /** See RemoteLedger: how long another instance's update may stay unconfirmed. */
  orphanAfterMs?: number;
  /** Upgrade path prefix; clients connect to `<prefix>/<briefingId>`. */
  pathPrefix?: string;
  /** Largest accepted frame; bigger ones close the connection with 1009. */
  maxMessageBytes?: number;
  /**
   * Largest change an editor may send (in chunks of frames, see lib/collab/chunked-socket.ts);
   * bigger ones close with 4413. Read-only connections are limited to `maxMessageBytes`.
   */
  maxChangeBytes?: number;
  /** Bytes each connection may send (a burst, then a rate); beyond it the connection closes with 4429. */
  byteBudget?: ByteBudgetOptions;
  /** Ping interval; a connection that has not answered the previous ping is terminated. */
  heartbeatMs?: number;
  idleUnloadMs?: number;
  maxBufferedBytes?: number;
  /** Concurrent connections per user, per user and briefing, per share link (over: 429 at the upgrade). */
  connectionLimits?: Partial<ConnectionLimits>;
  /** What each connection may put into its room's presence. */
  presenceLimits?: Partial<PresenceLimits>;
  /** How long shutdown may spend persisting. */
  shutdownTimeoutMs?: number;
  persistence?: Partial<PersistenceOptions>;
  onError?: (error: unknown, context: string) => void;
};

export type CollabServer = {
  /**
   * Takes an HTTP upgrade for a path under the prefix (then returns true and answers it: websocket
   * or an HTTP refusal); returns false for any other path, which the caller must handle.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes every connection with 1001, persists every room, stops. */
  close(): Promise<void>;
  /** Checks again the connections an access change may concern (closing those that lost access). */
  recheckAccess(change: AccessChange): Promise<void>;
  readonly rooms: RoomRegistry;
  readonly connections: ReadonlySet<CollabConnection>;
};

const MiB = 1024 * 1024;

/** ws closes oversized messages with 1009 and no reason; this gives the client one. */
function socketClassWithReasons(maxMessageBytes: number): typeof WebSocket {
  return class CollabSocket extends WebSocket {
    override close(code?: number, reason?: string | Buffer): void {
      if (code === CLOSE.messageTooBig && !reason) reason = `Message too big (limit ${maxMessageBytes} bytes)`;
      super.close(code, reason);
    }
  };
}

/**
 * The collaboration server: y-websocket protocol (sync + awareness, plus a save-status message) on
 * websockets upgraded from an existing HTTP server at `/collab/<briefingId>`. Authorization
 * happens before the upgrade; the room is loaded before the websocket exists, so the first
 * message is already answered from the stored document.
 */
export function createCollabServer(options: CollabServerOptions): CollabServer {
  const prefix = options.pathPrefix ?? "/collab";
  const maxMessageBytes = options.maxMessageBytes ?? MiB;
  const onError = options.onError ?? ((error, context) => console.error(`[collab] ${context}:`, error));
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: false,
    WebSocket: socketClassWithReasons(maxMessageBytes),
  });
  const fanout = options.fanout ?? localFanout;
  const rooms = new RoomRegistry({
    store: options.store,
    fanout,
    orphanAfterMs: options.orphanAfterMs,
    persistence: { onError, ...options.persistence },
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
    onError,
  });
  // Content left stale by an unclean stop is rewritten even for briefings nobody opens again.
  options.store.rederiveStale().catch((error) => onError(error, "re-deriving stale briefing content"));
  const connections = new Set<CollabConnection>();
  const connectionOptions = {
    maxBufferedBytes: options.maxBufferedBytes ?? 16 * MiB,
    presence: { ...DEFAULT_PRESENCE_LIMITS, ...options.presenceLimits },
    incoming: {
      maxChangeBytes: options.maxChangeBytes ?? 16 * MiB,
      maxReadOnlyBytes: maxMessageBytes,
      byteBudget: options.byteBudget ?? DEFAULT_BYTE_BUDGET,
    },
    onError,
  };
  const slots = new ConnectionCounter(options.connectionLimits);
  let closing = false;

  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        connection.ws.terminate();
        continue;
      }
      connection.alive = false;
      connection.ws.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  // Credentials that expire are checked again when they do (renewed ones keep the connection).
  const checking = new Set<CollabConnection>();
  const expiry = setInterval(() => {
    const now = Date.now();
    for (const connection of connections) {
      const { expiresAt } = connection.user;
      if (expiresAt === undefined || expiresAt > now || checking.has(connection)) continue;
      checking.add(connection);
      void recheckConnection(connection, options.authorize, onError).finally(() => checking.delete(connection));
    }
  }, 250);
  expiry.unref();

  async function recheckAccess(change: AccessChange): Promise<void> {
    const affected = [...connections].filter((connection) => concerns(change, connection));
    await Promise.all(affected.map((connection) => recheckConnection(connection, options.authorize, onError)));
  }
  // Changes made by this instance's actions are handled here and relayed to the other instances.
  const stopLocalAccess = onAccessChange((change) => {
    fanout.publishAccessChange(change);
    void recheckAccess(change);
  });
  const stopRemoteAccess = fanout.onAccessChange((change) => void recheckAccess(change));
  // Plug-in: comment notices to the connections that may read comments (server -> client only).
  const stopComments = attachCommentChannel({ connections, fanout, onError });

  function attach(ws: WebSocket, req: IncomingMessage, room: Room, user: CollabUser): void {
    if (closing) {
      ws.close(CLOSE.goingAway, "Server shutting down");
      rooms.release(room.id);
      return;
    }
    const connection = new CollabConnection(ws, room, user, req, connectionOptions);
    connections.add(connection);
    ws.on("error", (error) => onError(error, `websocket of ${user.userId} in ${room.id}`));
    ws.once("close", () => {
      connections.delete(connection);
      room.remove(connection);
      rooms.release(room.id);
    });
    room.add(connection);
  }

  async function accept(req: IncomingMessage, socket: Duplex, head: Buffer, briefingId: string): Promise<void> {
    socket.on("error", () => socket.destroy());
    const user = await options.authorize(req, briefingId);
    if (!user) return refuseUpgrade(socket, 403, "You do not have access to this briefing.");
    if (socket.destroyed) return;
    const slot = slots.reserve(user, briefingId);
    if (!slot.ok) return refuseUpgrade(socket, 429, slot.message);
    // Whatever happens next (refusal, failed handshake, the websocket closing), the socket closes.
    socket.once("close", slot.release);
    const room = await rooms.acquire(briefingId);
    if (!room) return refuseUpgrade(socket, 404, "Briefing not found.");
    if (socket.destroyed || closing) {
      rooms.release(briefingId);
      return refuseUpgrade(socket, 503, "Server is shutting down.");
    }
    let attached = false;
    // A handshake that ws rejects (bad headers) destroys the socket without calling back.
    socket.once("close", () => {
      if (!attached) rooms.release(briefingId);
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      attached = true;
      attach(ws, req, room, user);
    });
  }

  return {
    rooms,
    connections,
    recheckAccess,
    handleUpgrade(req, socket, head) {
      const briefingId = briefingIdFromUrl(req.url, prefix);
      if (briefingId === undefined) return false;
      if (briefingId === null) refuseUpgrade(socket, 404, "Briefing not found.");
      else if (closing) refuseUpgrade(socket, 503, "Server is shutting down.");
      else {
        accept(req, socket, head, briefingId).catch((error: unknown) => {
          const refusal = refusalFor(error);
          if (refusal.unexpected) onError(error, `opening briefing ${briefingId}`);
          refuseUpgrade(socket, refusal.status, refusal.message);
        });
      }
      return true;
    },
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(heartbeat);
      clearInterval(expiry);
      stopLocalAccess();
      stopRemoteAccess();
      stopComments();
      for (const connection of connections) connection.close(CLOSE.goingAway, "Server shutting down");
      await rooms.closeAll(Date.now() + (options.shutdownTimeoutMs ?? 7_000));
      for (const connection of connections) connection.ws.terminate();
      wss.close();
    },
  };
}
