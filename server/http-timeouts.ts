import type { ServerOptions } from "node:http";

/** How long the HTTP server waits for a client (milliseconds). */
export type HttpTimeouts = {
  /**
   * Time a client has to send a complete request head, websocket upgrades included: a
   * "slow-loris" client that trickles header bytes and never finishes is answered 408 and closed.
   */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request (head and body); at least headersTimeoutMs. */
  requestTimeoutMs: number;
  /**
   * How long an idle keep-alive connection stays open. Behind a load balancer, set it above the
   * balancer's own idle timeout, or the balancer may reuse a connection Node is closing (502s).
   */
  keepAliveTimeoutMs: number;
};

/**
 * Node's defaults (60 s for the head, 300 s per request, checked only every 30 s) let one client
 * hold a socket for up to 90 s with a few bytes a minute; nothing this app receives needs that
 * long (server actions send small bodies, uploads do not exist).
 */
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
};

/**
 * Options for `http.createServer` that bound how long a client may take. Options rather than
 * setting the properties afterwards because the interval at which Node checks the head and request
 * deadlines (`connectionsCheckingInterval`) can only be given at construction; it is derived
 * here so that an expired client is closed within about a quarter of its timeout after expiring.
 */
export function httpServerOptions(timeouts: Partial<HttpTimeouts> = {}): ServerOptions {
  const headersTimeoutMs = timeouts.headersTimeoutMs ?? DEFAULT_HTTP_TIMEOUTS.headersTimeoutMs;
  const requestTimeoutMs = timeouts.requestTimeoutMs ?? DEFAULT_HTTP_TIMEOUTS.requestTimeoutMs;
  const keepAliveTimeoutMs = timeouts.keepAliveTimeoutMs ?? DEFAULT_HTTP_TIMEOUTS.keepAliveTimeoutMs;
  return {
    headersTimeout: headersTimeoutMs,
    // Node refuses a head timeout longer than the request timeout.
    requestTimeout: Math.max(requestTimeoutMs, headersTimeoutMs),
    keepAliveTimeout: keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(headersTimeoutMs / 4))),
  };
}
