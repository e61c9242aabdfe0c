import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";
import type { BriefingStore } from "@/lib/briefings/doc/store";
import { CLOSE } from "@/lib/collab/protocol";
import { createAcceptor } from "./accept";
import { watchAccess } from "./access-watch";
import { type ByteBudgetOptions, DEFAULT_BYTE_BUDGET } from "./byte-budget";
import { attachCommentChannel } from "./comment-channel";
import type { CollabConnection } from "./connection";
import { type ConnectionLimits, connectionLimitHooks } from "./connection-limits";
import { type AccessChange, localFanout, type RoomFanout } from "./fanout";
import { type CollabHooks, combineHooks } from "./hooks";
import { attachLiveEdits } from "./live-edits";
import { Liveness } from "./liveness";
import { logHooks } from "./log-hooks";
import type { PersistenceOptions } from "./persistence";
import { DEFAULT_PRESENCE_LIMITS, type PresenceLimits } from "./presence-guard";
import { refuse } from "./refuse";
import { RoomRegistry } from "./rooms";
import type { CollabAuthorizer } from "./types";

export type CollabServerOptions = {
  /** Where documents are stored (the caller owns it and closes it after the server). */
  store: BriefingStore;
  authorize: CollabAuthorizer;
  /** Links instances (RedisFanout); without it the server assumes it is the only instance. */
  fanout?: RoomFanout;
  /** See RemoteLedger: how long another instance's update may stay unconfirmed. */
  orphanAfterMs?: number;
  /** See Room.serveStored: how long a room served as stored bytes waits before applying them itself. */
  applyStoredAfterMs?: number;
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
  /** Plug-ins (metrics, webhooks...), run after the built-in logging and connection limits; see hooks.ts. */
  hooks?: CollabHooks[];
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
 * websockets upgraded from an existing HTTP server at `/collab/<briefingId>`. It composes the
 * parts: accepting connections (accept.ts), liveness (liveness.ts), access watch (access-watch.ts),
 * the rooms (rooms.ts) and the hooks that logging, limits and metrics plug in through (hooks.ts).
 */
export function createCollabServer(options: CollabServerOptions): CollabServer {
  const maxMessageBytes = options.maxMessageBytes ?? MiB;
  const onError = options.onError ?? ((error, context) => console.error(`[collab] ${context}:`, error));
  const hooks = combineHooks(
    [logHooks(onError), connectionLimitHooks(options.connectionLimits), ...(options.hooks ?? [])],
    onError,
  );
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
    applyStoredAfterMs: options.applyStoredAfterMs,
    persistence: { onError, ...options.persistence, onStored: hooks.stored },
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
    onError,
  });
  // Content left stale by an unclean stop is rewritten even for briefings nobody opens again.
  options.store.rederiveStale().catch((error) => onError(error, "re-deriving stale briefing content"));
  const connections = new Set<CollabConnection>();
  const liveness = new Liveness(connections, options.heartbeatMs ?? 30_000);
  const access = watchAccess(connections, options.authorize, fanout, onError);
  // Plug-in: comment notices to the connections that may read comments (server -> client only).
  const stopComments = attachCommentChannel({ connections, fanout, onError });
  // Restores from routes in this process go through the rooms, so open editors follow them.
  const stopLiveEdits = attachLiveEdits(rooms);
  let closing = false;
  const handleUpgrade = createAcceptor({
    prefix: options.pathPrefix ?? "/collab",
    wss,
    rooms,
    authorize: options.authorize,
    hooks,
    connections,
    liveness,
    connectionOptions: {
      maxBufferedBytes: options.maxBufferedBytes ?? 16 * MiB,
      presence: { ...DEFAULT_PRESENCE_LIMITS, ...options.presenceLimits },
      incoming: {
        maxChangeBytes: options.maxChangeBytes ?? 16 * MiB,
        maxReadOnlyBytes: maxMessageBytes,
        byteBudget: options.byteBudget ?? DEFAULT_BYTE_BUDGET,
      },
      onError,
    },
    isClosing: () => closing,
    onError,
  });

  return {
    rooms,
    connections,
    recheckAccess: access.recheckAccess,
    handleUpgrade,
    async close() {
      if (closing) return;
      closing = true;
      liveness.stop();
      access.stop();
      stopComments();
      stopLiveEdits();
      for (const connection of connections) refuse(connection, CLOSE.goingAway, "Server shutting down");
      await rooms.closeAll(Date.now() + (options.shutdownTimeoutMs ?? 7_000));
      for (const connection of connections) connection.ws.terminate();
      wss.close();
    },
  };
}
