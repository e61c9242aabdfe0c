import type { IncomingMessage } from "node:http";
import type { StoredBatch } from "./persistence";
import type { Refusal } from "./refuse";
import type { Room } from "./room";
import type { CollabUser } from "./types";

/** One connection attempt as the hooks see it: the same object from the upgrade to its close. */
export type CollabVisit = {
  readonly briefingId: string;
  readonly request: IncomingMessage;
  /** Set once the authorizer admitted the request. */
  user?: CollabUser;
};

/** A batch of a briefing's changes was committed to the database (see BriefingPersistence). */
export type StoredEvent = StoredBatch;

/**
 * The collaboration server's plug-in seam (like Outline's extension classes): logging, metrics and
 * connection limits are separate CollabHooks passed to createCollabServer (`hooks`), each one
 * file, none of them known to accept.ts. Hooks run in order and must not throw (a throwing hook
 * is reported and skipped).
 */
export interface CollabHooks {
  /**
   * The authorizer admitted `visit.user`; before the briefing is loaded. Return a Refusal to refuse
   * the upgrade (the first one wins). Every visit that reaches this gets exactly one `close`.
   */
  authorize?(visit: CollabVisit): Refusal | undefined;
  /** The room the visit joins is loaded (or was already); the websocket opens next. */
  load?(visit: CollabVisit, room: Room): void;
  /** A batch of changes was committed (webhooks, search indexing and the like plug in here). */
  stored?(event: StoredEvent): void;
  /** The server refused the visit (`error`: what made it refuse, if something was thrown). */
  refused?(visit: CollabVisit, refusal: Refusal & { unexpected: boolean }, error?: unknown): void;
  /** The visit's socket closed, whatever the reason (refused, failed handshake, websocket closed). */
  close?(visit: CollabVisit): void;
}

/** Runs several hooks as one, in order; a hook that throws is reported and the others still run. */
export function combineHooks(
  list: readonly CollabHooks[],
  onError: (error: unknown, context: string) => void,
): Required<CollabHooks> {
  const each = <K extends keyof CollabHooks>(name: K, call: (hook: CollabHooks) => unknown): unknown => {
    for (const hook of list) {
      if (!hook[name]) continue;
      try {
        const result = call(hook);
        if (result !== undefined) return result;
      } catch (error) {
        onError(error, `collab hook ${name}`);
      }
    }
    return undefined;
  };
  return {
    authorize: (visit) => each("authorize", (hook) => hook.authorize?.(visit)) as Refusal | undefined,
    load: (visit, room) => void each("load", (hook) => void hook.load?.(visit, room)),
    stored: (event) => void each("stored", (hook) => void hook.stored?.(event)),
    refused: (visit, refusal, error) => void each("refused", (hook) => void hook.refused?.(visit, refusal, error)),
    close: (visit) => void each("close", (hook) => void hook.close?.(visit)),
  };
}
