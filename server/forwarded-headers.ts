import type { IncomingMessage } from "node:http";

/** Headers a reverse proxy sets to describe the client's original request. */
const FORWARDED = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"] as const;

/**
 * Without a trusted reverse proxy in front (TRUST_PROXY), the forwarding headers come from the
 * client itself: it must not be able to choose its own address (rate limiting keys on it), nor the
 * host and scheme the app believes it was reached at (Next builds request URLs from them, and the
 * same-origin checks compare browsers' Origin with them). The client address becomes the socket's
 * and the rest is dropped, so Next derives host and scheme from the connection.
 */
export function distrustForwardedHeaders(req: IncomingMessage, trustProxy: boolean): void {
  if (trustProxy) return;
  req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
  for (const name of FORWARDED) delete req.headers[name];
}
