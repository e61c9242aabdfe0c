// The proxy (Next's middleware) as Next calls it: cross-site and oversized requests are refused
// before any handler, and prefetch requests are matched like any other request.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, MAX_ACTION_BODY_BYTES, proxy } from "./proxy";

const APP = "http://localhost:3000";

function post(headers: Record<string, string>, path = "/briefings") {
  return proxy(new NextRequest(`${APP}${path}`, { method: "POST", headers: { host: "localhost:3000", ...headers } }));
}

describe("proxy", () => {
  it("lets same-origin posts through", () => {
    expect(post({ origin: APP }).status).toBe(200);
  });

  it("does not trust X-Forwarded-Host without TRUST_PROXY: a forged one does not make a foreign origin ours", () => {
    const response = post({ origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(response.status).toBe(403);
  });

  it("compares the scheme too: an https page is not the plain-http app", () => {
    expect(post({ origin: "https://localhost:3000" }).status).toBe(403);
  });

  it("answers oversized server-action and sign-in bodies with 413 instead of failing", async () => {
    const tooBig = String(MAX_ACTION_BODY_BYTES + 1);
    const action = post({ origin: APP, "next-action": "abc123", "content-length": tooBig });
    expect(action.status).toBe(413);
    expect(((await action.json()) as { error: { message: string } }).error.message).toMatch(/too large/);
    const auth = post({ origin: APP, "content-length": "100000" }, "/api/auth/sign-up/email");
    expect(auth.status).toBe(413);
    expect(post({ origin: APP, "next-action": "abc123", "content-length": "2000" }).status).toBe(200);
  });

  it("runs for prefetch requests too, which then carry the Content Security Policy", () => {
    for (const headers of [{ "next-router-prefetch": "1" }, { purpose: "prefetch" }, {}]) {
      expect(unstable_doesMiddlewareMatch({ config, url: "/briefings", headers })).toBe(true);
    }
    expect(unstable_doesMiddlewareMatch({ config, url: "/_next/static/chunks/app.js" })).toBe(false);
    const prefetch = proxy(new NextRequest(`${APP}/briefings`, { headers: { "next-router-prefetch": "1" } }));
    expect(prefetch.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
