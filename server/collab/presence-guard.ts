import type { AwarenessEntry } from "./messages";
import type { CollabUser } from "./types";

/** What one connection may put into a room's presence (awareness). */
export type PresenceLimits = {
  /** Yjs client ids one connection may show a presence for: a tab has one; a few spare for a document that changes its id. */
  maxClients: number;
  /** Largest presence state, in JSON characters (name, colour, cursor and selection take a few hundred). */
  maxStateChars: number;
  /** Sustained presence messages per second applied from one connection... */
  ratePerSecond: number;
  /** ...after a burst of this many. */
  burst: number;
};

export const DEFAULT_PRESENCE_LIMITS: PresenceLimits = {
  maxClients: 4,
  maxStateChars: 4096,
  ratePerSecond: 20,
  burst: 40,
};

/** The connection and room a guard works for. */
export type PresenceHost = {
  /** Who is connected (read at every use: a renewed check of the credentials replaces it). */
  user(): CollabUser;
  /**
   * What the room knows of a client id: its presence state (undefined once removed) and clock;
   * undefined when it never had one.
   */
  current(clientId: number): { state: unknown; clock: number } | undefined;
  /** Applies admitted entries to the room (stamped with the connection's identity). */
  apply(entries: AwarenessEntry[]): void;
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Admits one connection's presence updates into its room. An entry is refused (and counted) when
 * it is for a client id whose presence belongs to someone else (nobody may overwrite or remove
 * another person's presence), when the connection already shows `maxClients` presences, when its
 * state is too big or is not an object. Admitted entries are applied at most `ratePerSecond` times
 * a second (after a burst): faster updates are coalesced, keeping only the newest state of each
 * client id, which is applied as soon as the rate allows. So a fast typist's caret still ends where
 * it is, and a flood reaches the others as a few small updates a second.
 */
export class PresenceGuard {
  /** Entries refused since the connection opened. */
  refused = 0;
  /** Client ids this connection has shown a presence for. */
  private readonly owned = new Set<number>();
  private readonly pending = new Map<number, AwarenessEntry>();
  private tokens: number;
  private refilledAt: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly host: PresenceHost,
    private readonly limits: PresenceLimits = DEFAULT_PRESENCE_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limits.burst;
    this.refilledAt = now();
  }

  /** Takes a client's awareness entries: refuses what it may not set, applies the rest (now or soon). */
  admit(entries: AwarenessEntry[]): void {
    for (const entry of entries) {
      const verdict = this.verdict(entry);
      if (verdict === "stale") continue;
      if (verdict === "refused") {
        this.refused++;
        continue;
      }
      const queued = this.pending.get(entry.clientId);
      if (!queued || entry.clock >= queued.clock) this.pending.set(entry.clientId, entry);
    }
    this.flush();
  }

  /** Whether a request for everyone's presence may be answered now (it counts against the rate). */
  allowQuery(): boolean {
    return this.take();
  }

  /** Drops anything queued; called when the connection closes (its presence is removed then). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.pending.clear();
  }

  /**
   * "stale": not newer than what the room has. The stock y-websocket client sends back every
   * presence change it receives, other people's included; the room would ignore these anyway, and
   * they must not count as this connection's.
   */
  private verdict({ clientId, clock, state }: AwarenessEntry): "ok" | "stale" | "refused" {
    if (state !== null && !isPlainObject(state)) return "refused";
    const mine = this.owned.has(clientId);
    if (!mine) {
      const known = this.host.current(clientId);
      if (known && clock <= known.clock) return "stale";
      // Removing (state null) is allowed only for this connection's own presences.
      if (state === null || !this.mayClaim(known?.state)) return "refused";
    }
    if (state !== null && JSON.stringify(state).length > this.limits.maxStateChars) return "refused";
    this.owned.add(clientId);
    return "ok";
  }

  /**
   * A client id may become this connection's when it shows nothing now, or shows the same signed-in
   * person (a tab reconnecting before the server noticed its old socket is gone).
   */
  private mayClaim(existing: unknown): boolean {
    if (this.owned.size >= this.limits.maxClients) return false;
    if (existing === undefined) return true;
    // Share-link viewers all carry the link's identity: none of them may take over another's presence.
    const user = this.host.user();
    if (user.shareLinkId) return false;
    const owner = isPlainObject(existing) && isPlainObject(existing.user) ? existing.user.id : undefined;
    return owner === user.userId;
  }

  private take(): boolean {
    const now = this.now();
    const refill = ((now - this.refilledAt) * this.limits.ratePerSecond) / 1000;
    this.tokens = Math.min(this.limits.burst, this.tokens + refill);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private flush(): void {
    if (this.stopped || this.pending.size === 0 || this.timer) return;
    if (this.take()) {
      const entries = [...this.pending.values()];
      this.pending.clear();
      this.host.apply(entries);
      return;
    }
    const waitMs = Math.ceil(((1 - this.tokens) * 1000) / this.limits.ratePerSecond);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, waitMs);
    this.timer.unref?.();
  }
}
