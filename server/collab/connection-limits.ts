import { CLOSE } from "@/lib/collab/protocol";
import type { CollabHooks, CollabVisit } from "./hooks";
import type { CollabUser } from "./types";

/** Caps on concurrent collaboration connections, per instance (COLLAB_MAX_CONNECTIONS_* in lib/env.ts). */
export type ConnectionLimits = {
  /** One signed-in user, all briefings together. */
  perUser: number;
  /** One signed-in user on one briefing (a tab is one connection). */
  perUserPerBriefing: number;
  /** All viewers of one share link together (they share the link's identity). */
  perShareLink: number;
};

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { perUser: 50, perUserPerBriefing: 20, perShareLink: 50 };

/** A reserved connection slot (release it exactly when the connection ends), or why there is none. */
export type Reservation = { ok: true; release: () => void } | { ok: false; message: string };

/**
 * Counts open (and opening) collaboration connections per user, per user and briefing, and per
 * share link, so that one account or one leaked link cannot hold hundreds of sockets, each with
 * its share of memory, fan-out and presence traffic. A slot is reserved at the upgrade, after
 * authorization and before the briefing is loaded, so that simultaneous upgrades cannot all pass.
 */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>();
  private readonly limits: ConnectionLimits;

  constructor(limits: Partial<ConnectionLimits> = {}) {
    this.limits = { ...DEFAULT_CONNECTION_LIMITS, ...limits };
  }

  /** Open connections counted under a key (for tests and metrics). */
  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Reserves a slot for `user` on `briefingId`; the release function is idempotent. */
  reserve(user: CollabUser, briefingId: string): Reservation {
    const caps = this.capsFor(user, briefingId);
    for (const { key, limit, message } of caps) {
      if (this.count(key) >= limit) return { ok: false, message };
    }
    for (const { key } of caps) this.counts.set(key, this.count(key) + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        for (const { key } of caps) {
          const left = this.count(key) - 1;
          if (left > 0) this.counts.set(key, left);
          else this.counts.delete(key);
        }
      },
    };
  }

  private capsFor(user: CollabUser, briefingId: string): { key: string; limit: number; message: string }[] {
    const { perUser, perUserPerBriefing, perShareLink } = this.limits;
    if (user.shareLinkId) {
      return [
        {
          key: `link:${user.shareLinkId}`,
          limit: perShareLink,
          message: `This share link is open in too many places at once (limit ${perShareLink}); try again later.`,
        },
      ];
    }
    return [
      {
        key: `user:${user.userId}:${briefingId}`,
        limit: perUserPerBriefing,
        message: `This briefing is open in too many tabs or windows of your account (limit ${perUserPerBriefing}); close some and try again.`,
      },
      {
        key: `user:${user.userId}`,
        limit: perUser,
        message: `Your account has too many briefings open at once (limit ${perUser}); close some tabs and try again.`,
      },
    ];
  }
}

/**
 * The connection limits as collaboration server hooks: a slot is reserved once the authorizer
 * admitted a visit (refused with 4429, HTTP 429 at the upgrade, when none is free) and released
 * when its socket closes, whatever closed it.
 */
export function connectionLimitHooks(
  limits: Partial<ConnectionLimits> = {},
): CollabHooks & { counter: ConnectionCounter } {
  const counter = new ConnectionCounter(limits);
  const held = new WeakMap<CollabVisit, () => void>();
  return {
    counter,
    authorize(visit) {
      if (!visit.user) return undefined;
      const slot = counter.reserve(visit.user, visit.briefingId);
      if (!slot.ok) return { code: CLOSE.tooManyConnections, reason: slot.message };
      held.set(visit, slot.release);
      return undefined;
    },
    close(visit) {
      held.get(visit)?.();
      held.delete(visit);
    },
  };
}
