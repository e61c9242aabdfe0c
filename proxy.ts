import { type NextRequest, NextResponse } from "next/server";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { env } from "@/lib/env";

/** Methods that change state: only same-origin browsers may send them. */
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Largest request body of a server action (Next's own default limit; past it Next failed with a
 * 500) and of better-auth's endpoints (a sign-up is a few hundred bytes).
 */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

const refuse = (status: number, code: string, message: string) =>
  NextResponse.json({ error: { code, message } }, { status });

/**
 * Refuses cross-site state-changing requests (route handlers and server actions alike) and
 * oversized bodies, and sets a per-request nonce-based Content Security Policy for pages.
 */
export function proxy(request: NextRequest) {
  if (UNSAFE.has(request.method) && isCrossSite(request)) {
    return refuse(403, "forbidden", "Cross-site requests are not allowed.");
  }
  const limit = bodyLimit(request);
  if (limit !== null && Number(request.headers.get("content-length") ?? 0) > limit) {
    return refuse(413, "too_large", `The request is too large (at most ${Math.floor(limit / 1024)} KB).`);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function bodyLimit(request: NextRequest): number | null {
  if (!UNSAFE.has(request.method)) return null;
  if (request.headers.has("next-action")) return MAX_ACTION_BODY_BYTES;
  if (request.nextUrl.pathname.startsWith("/api/auth/")) return MAX_AUTH_BODY_BYTES;
  return null;
}

function isCrossSite(request: NextRequest): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false; // non-browser clients send no Origin; they still need a session cookie
  const { TRUST_PROXY, APP_URL } = env();
  const target = {
    host: request.headers.get("host"),
    // Next derives the URL's scheme from the connection (server/ drops a client's X-Forwarded-Proto).
    encrypted: request.nextUrl.protocol === "https:",
    forwardedHost: request.headers.get("x-forwarded-host"),
    forwardedProto: request.headers.get("x-forwarded-proto"),
  };
  return !isSameOrigin(origin, target, { trustProxy: TRUST_PROXY, appUrl: APP_URL });
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  const https = process.env.APP_URL?.startsWith("https://");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (virtualised tables, editor carets) are needed; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

// Prefetches run through the proxy too: they render pages (their RSC payload) and must get the
// same headers and checks as the navigation they stand in for.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
