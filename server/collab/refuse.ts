import { STATUS_CODES } from "node:http";
import { Duplex } from "node:stream";
import { CLOSE } from "@/lib/collab/protocol";
import { AppError } from "@/lib/errors";

/** Why a connection is refused: a close code of lib/collab/protocol.ts and a reason for the client. */
export type Refusal = { code: number; reason: string };

/** What a refusal closes: an upgrade request not answered yet, or an open websocket (or connection). */
export type Refusable = Duplex | { close(code: number, reason: string): void };

/**
 * The one way the collaboration server refuses a connection. Before the websocket exists (a
 * Duplex: the upgrade request's socket) it answers plain HTTP, with the status the close code
 * stands for (see httpStatusOf) and the reason as body, then closes the socket; afterwards it
 * closes the websocket with the code and reason (y-websocket stops reconnecting after 44xx).
 */
export function refuse(target: Refusable, code: number, reason: string): void {
  if (target instanceof Duplex) refuseUpgrade(target, httpStatusOf(code), reason);
  else target.close(code, reason);
}

/**
 * The HTTP status a refused upgrade answers with: a 44xx close code mirrors its HTTP status
 * (4403 -> 403), "going away" / "try again later" are 503, anything else 500.
 */
export function httpStatusOf(code: number): number {
  if (code >= 4400 && code < 4500) return code - 4000;
  if (code === CLOSE.goingAway || code === CLOSE.tryAgainLater) return 503;
  return 500;
}

/** The close code standing for an HTTP status (the inverse of httpStatusOf). */
function closeCodeOf(status: number): number {
  if (status >= 400 && status < 500) return 4000 + status;
  return status === 503 ? CLOSE.tryAgainLater : CLOSE.internalError;
}

/**
 * The refusal for an error thrown while authorizing or opening a briefing: an AppError keeps its
 * status and message; anything else is unexpected (to be reported) and refused with 500.
 */
export function refusalFor(error: unknown): Refusal & { unexpected: boolean } {
  if (error instanceof AppError) return { code: closeCodeOf(error.status), reason: error.message, unexpected: false };
  return { code: CLOSE.internalError, reason: "Could not open the briefing.", unexpected: true };
}

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\n` +
      "Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}
