import type { MessagePort } from "node:worker_threads";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import type { NotificationDraft } from "@/lib/notifications/create";
import type { BriefingStore } from "./store";

// The protocol between ThreadedBriefingStore and its worker (store-worker.ts). Requests are
// { id, method, args } or "close"; answers { id, result } or { id, error: WireError }. The worker
// also posts { mentions } (MentionsNotice) when a content write found new @mentions, before the
// answer to that write.

/** A call of a BriefingStore method (or "ping": is the worker up?). */
export type StoreRequest = {
  id: number;
  method: "ping" | "open" | "append" | "compact" | "writeContent" | "rederiveStale" | "release";
  args: unknown[];
};

/** The worker's answer to one request. */
export type StoreReply = { id: number; result?: unknown; error?: WireError };

/** Notifications for the parent to deliver (the worker has no Prisma). */
export type MentionsNotice = { mentions: NotificationDraft[] };

/**
 * Answers the requests arriving on `port` with `store` (the worker side). "close" releases the
 * store, runs `cleanup` (the database connection) and closes the port.
 */
export function serveStore(port: MessagePort, store: BriefingStore, cleanup: () => Promise<void>): void {
  port.on("message", async (request: StoreRequest | "close") => {
    if (request === "close") {
      await store.close();
      await cleanup();
      port.close();
      return;
    }
    if (request.method === "ping") {
      port.postMessage({ id: request.id, result: true } satisfies StoreReply);
      return;
    }
    try {
      const method = store[request.method] as (...args: unknown[]) => Promise<unknown>;
      const result = await method.apply(store, request.args);
      port.postMessage({ id: request.id, result } satisfies StoreReply); // copied: a few hundred KB at most, once per open
    } catch (error) {
      port.postMessage({ id: request.id, error: toWireError(error) } satisfies StoreReply);
    }
  });
}

/**
 * An error as it crosses the briefing store's worker thread. postMessage's structured clone keeps
 * only an Error's message and stack: the class and its `code` would be lost, so an AppError thrown
 * in the worker would reach the server as a generic error (refused with 500 instead of its status).
 */
export type WireError = {
  name: string;
  message: string;
  stack?: string;
  /** AppError's code, or a library's (Prisma's "P2003", Node's "ECONNREFUSED"...). */
  code?: string;
  /** Set when the error was an AppError: it is rebuilt as one. */
  app?: { details?: unknown };
};

/** The wire form of anything thrown in the worker. */
export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    code: typeof code === "string" ? code : undefined,
    app: error instanceof AppError ? { details: cloneable(error.details) } : undefined,
  };
}

/** Rebuilds the error on the calling side: an AppError again when it was one, keeping the worker's stack. */
export function fromWireError(wire: WireError): Error {
  const error =
    wire.app && wire.code && wire.code in ERROR_STATUS
      ? new AppError(wire.code as ErrorCode, wire.message, wire.app.details)
      : Object.assign(new Error(wire.message), wire.code === undefined ? {} : { code: wire.code });
  error.name = wire.name;
  // The worker's stack says where it failed; the caller's would only show the message port.
  if (wire.stack) error.stack = wire.stack;
  return error;
}

/** Details survive only when structured clone can copy them (AppError details are plain data). */
function cloneable(details: unknown): unknown {
  try {
    return structuredClone(details);
  } catch {
    return undefined;
  }
}
