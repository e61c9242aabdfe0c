import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { AppError } from "@/lib/errors";

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

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
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

/** The HTTP status and message for an error thrown while accepting an upgrade. */
export function refusalFor(error: unknown): { status: number; message: string; unexpected: boolean } {
  if (error instanceof AppError) return { status: error.status, message: error.message, unexpected: false };
  return { status: 500, message: "Could not open the briefing.", unexpected: true };
}
