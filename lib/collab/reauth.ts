import type { WebsocketProvider } from "y-websocket";
import { CLOSE } from "./protocol";

/** Whether the connection's credentials are good, being renewed, or its access was removed. */
export type AccessState = "ok" | "signed-out" | "revoked";

type Provider = Pick<WebsocketProvider, "on" | "off" | "connect" | "params">;

export type KeepAuthenticatedOptions = {
  /**
   * Fresh credentials: new URL parameters for the provider (e.g. a new token), true when they are
   * renewed out of band (a session cookie), false when there are none yet (not signed in again).
   */
  renew: () => Promise<Record<string, string> | boolean>;
  /** Waits between renewal attempts while there are no credentials (the last one repeats). */
  retryMs?: number[];
};

const DEFAULT_RETRY_MS = [0, 2_000, 5_000, 10_000, 30_000];

/**
 * Re-authenticates a y-websocket provider when the server closes with 4401 (credentials expired).
 * y-websocket treats 44xx closes as terminal and stops reconnecting, so there is no reconnect
 * storm: this asks `renew` (with backoff while it has nothing) and reconnects exactly once when
 * it gets credentials. A 4403 close (access removed) is final. Returns a handle to watch and stop.
 */
export function keepAuthenticated(provider: Provider, options: KeepAuthenticatedOptions) {
  const retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
  const listeners = new Set<(state: AccessState) => void>();
  let state: AccessState = "ok";
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const set = (next: AccessState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(next);
  };

  const attempt = async (n: number) => {
    if (stopped) return;
    let credentials: Record<string, string> | boolean = false;
    try {
      credentials = await options.renew();
    } catch {
      credentials = false; // offline or server down: try again later
    }
    if (stopped) return;
    if (credentials === false) {
      timer = setTimeout(() => void attempt(n + 1), retryMs[Math.min(n + 1, retryMs.length - 1)]);
      return;
    }
    if (typeof credentials === "object") provider.params = credentials;
    set("ok");
    provider.connect();
  };

  const onClosed = (event: { code: number }) => {
    if (event.code === CLOSE.sessionExpired) {
      set("signed-out");
      clearTimeout(timer);
      timer = setTimeout(() => void attempt(0), retryMs[0]);
    } else if (event.code === CLOSE.accessRevoked) {
      set("revoked");
    }
  };
  provider.on("closed", onClosed);

  return {
    get state(): AccessState {
      return state;
    },
    subscribe(listener: (state: AccessState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Tries to renew now (e.g. when the window regains focus after signing in elsewhere). */
    retryNow(): void {
      if (state !== "signed-out") return;
      clearTimeout(timer);
      void attempt(0);
    },
    destroy(): void {
      stopped = true;
      clearTimeout(timer);
      provider.off("closed", onClosed);
      listeners.clear();
    },
  };
}
