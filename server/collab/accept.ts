import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer } from "ws";
import { CLOSE } from "@/lib/collab/protocol";
import { CollabConnection, type ConnectionOptions } from "./connection";
import type { CollabHooks, CollabVisit } from "./hooks";
import type { Liveness } from "./liveness";
import { refusalFor, refuse } from "./refuse";
import type { Room } from "./room";
import type { RoomRegistry } from "./rooms";
import type { CollabAuthorizer, CollabUser } from "./types";
import { loadSuggestionsOnlyCheck } from "./update-guard";

const BRIEFING_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The briefing id of an upgrade request for `<prefix>/<briefingId>` (query string allowed), or
 * undefined when the path is not under the prefix at all. An invalid id under the prefix is null.
 */
export function briefingIdFromUrl(url: string | undefined, prefix: string): string | null | undefined {
  const path = (url ?? "").split("?")[0] ?? "";
  if (!path.startsWith(`${prefix}/`)) return undefined;
  const id = decodeURIComponentSafe(path.slice(prefix.length + 1));
  return id && BRIEFING_ID.test(id) ? id : null;
}

function decodeURIComponentSafe(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

export type AcceptOptions = {
  prefix: string;
  wss: WebSocketServer;
  rooms: RoomRegistry;
  authorize: CollabAuthorizer;
  hooks: Required<CollabHooks>;
  /** Where accepted connections are kept (and removed from when they close). */
  connections: Set<CollabConnection>;
  liveness: Liveness;
  connectionOptions: ConnectionOptions;
  isClosing: () => boolean;
  onError: (error: unknown, context: string) => void;
};

/**
 * Accepting a connection: upgrade -> authorize (the authorizer, then the hooks) -> load the room ->
 * websocket -> join the room. Authorization happens before the upgrade, so a refusal is plain
 * HTTP; the room is loaded before the websocket exists, so the first message is already answered
 * from the stored document. Returns the server's handleUpgrade.
 */
export function createAcceptor(options: AcceptOptions) {
  const { wss, rooms, hooks, connections, isClosing } = options;

  function deny(visit: CollabVisit, socket: Duplex, code: number, reason: string, error?: unknown): void {
    hooks.refused(visit, { code, reason, unexpected: error !== undefined && refusalFor(error).unexpected }, error);
    refuse(socket, code, reason);
  }

  function attach(ws: WebSocket, visit: CollabVisit, room: Room, user: CollabUser): void {
    if (isClosing()) {
      refuse(ws, CLOSE.goingAway, "Server shutting down");
      rooms.release(room.id);
      return;
    }
    const connection = new CollabConnection(ws, room, user, visit.request, options.connectionOptions);
    connections.add(connection);
    options.liveness.watch(connection);
    ws.on("error", (error) => options.onError(error, `websocket of ${connection.user.userId} in ${room.id}`));
    ws.once("close", () => {
      connections.delete(connection);
      room.remove(connection);
      rooms.release(room.id);
    });
    room.add(connection);
  }

  async function accept(visit: CollabVisit, socket: Duplex, head: Buffer): Promise<void> {
    const { briefingId } = visit;
    socket.on("error", () => socket.destroy());
    const user = await options.authorize(visit.request, briefingId);
    if (!user) return deny(visit, socket, CLOSE.accessRevoked, "You do not have access to this briefing.");
    if (socket.destroyed) return;
    visit.user = user;
    // Whatever happens next (refusal, failed handshake, the websocket closing), the socket closes.
    socket.once("close", () => hooks.close(visit));
    const refusal = hooks.authorize(visit);
    if (refusal) return deny(visit, socket, refusal.code, refusal.reason);
    if (user.suggestOnly) await loadSuggestionsOnlyCheck();
    const room = await rooms.acquire(briefingId);
    if (!room) return deny(visit, socket, CLOSE.notFound, "Briefing not found.");
    if (socket.destroyed || isClosing()) {
      rooms.release(briefingId);
      return deny(visit, socket, CLOSE.goingAway, "Server is shutting down.");
    }
    hooks.load(visit, room);
    let attached = false;
    // A handshake that ws rejects (bad headers) destroys the socket without calling back.
    socket.once("close", () => {
      if (!attached) rooms.release(briefingId);
    });
    wss.handleUpgrade(visit.request, socket, head, (ws) => {
      attached = true;
      attach(ws, visit, room, user);
    });
  }

  return function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const briefingId = briefingIdFromUrl(req.url, options.prefix);
    if (briefingId === undefined) return false;
    if (briefingId === null) {
      refuse(socket, CLOSE.notFound, "Briefing not found.");
      return true;
    }
    const visit: CollabVisit = { briefingId, request: req };
    if (isClosing()) deny(visit, socket, CLOSE.goingAway, "Server is shutting down.");
    else {
      accept(visit, socket, head).catch((error: unknown) => {
        const refusal = refusalFor(error);
        deny(visit, socket, refusal.code, refusal.reason, error);
      });
    }
    return true;
  };
}
