import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { signUp, TEST_PASSWORD } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { type Auth, createAuth } from "./auth";
import { pruneRateLimits, RATE_LIMIT_WINDOW_SECONDS } from "./rate-limit";

describe.each(PROVIDERS)("sign-in rate limiting on %s", (provider) => {
  let t: TestDatabase;
  let auth: Auth;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    auth = createAuth(t.db);
    await signUp(auth, "Target", "target@example.org");
  });
  afterAll(async () => {
    await t.drop();
  });

  const attempt = (ip: string, password: string) =>
    auth.handler(
      new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": ip, origin: "http://localhost:3000" },
        body: JSON.stringify({ email: "target@example.org", password }),
      }),
    );

  it("refuses further attempts from one address once the limit is reached, and only from that address", async () => {
    const limit = env().SIGN_IN_RATE_LIMIT;
    for (let i = 0; i < limit; i++) expect((await attempt("203.0.113.7", "wrong password")).status).toBe(401);
    const blocked = await attempt("203.0.113.7", TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("x-retry-after"))).toBeGreaterThan(0);
    // Another address still gets through with the right password.
    expect((await attempt("198.51.100.9", TEST_PASSWORD)).status).toBe(200);
  });

  it("counts no requests to made-up /api/auth paths (a row each would let one client fill the database)", async () => {
    const before = await t.db.rateLimit.count();
    for (let i = 0; i < 200; i++) {
      const path = `/api/auth/${crypto.randomUUID()}/${"x".repeat(200)}${i}`;
      const response = await auth.handler(
        new Request(`http://localhost:3000${path}`, { headers: { "x-forwarded-for": "192.0.2.44" } }),
      );
      expect(response.status).toBe(404);
    }
    expect(await t.db.rateLimit.count()).toBe(before);
  });

  it("deletes counters whose window has ended when requests come in, and keeps current ones", async () => {
    // A database of its own: the sweep runs at most once a minute per database, and the tests above
    // already made requests against theirs.
    const own = await createTestDatabase(provider);
    try {
      await sweepScenario(own);
    } finally {
      await own.drop();
    }
  });
});

async function sweepScenario(t: TestDatabase): Promise<void> {
  const auth = createAuth(t.db);
  const now = Date.now();
  const old = BigInt(now - (RATE_LIMIT_WINDOW_SECONDS + 5) * 1000);
  const fresh = BigInt(now - 1000);
  await t.db.rateLimit.createMany({
    data: [
      { id: "old-1", key: "192.0.2.1/sign-in/email", count: 3, lastRequest: old },
      { id: "old-2", key: "192.0.2.2/get-session", count: 1, lastRequest: old },
      { id: "fresh", key: "192.0.2.3/sign-in/email", count: 1, lastRequest: fresh },
    ],
  });
  // The first request this process makes against this database triggers the sweep.
  await auth.handler(new Request("http://localhost:3000/api/auth/ok", { headers: { "x-forwarded-for": "192.0.2.9" } }));
  const keys = (await t.db.rateLimit.findMany({ select: { id: true } })).map((row) => row.id);
  expect(keys).toContain("fresh");
  expect(keys).not.toContain("old-1");
  expect(keys).not.toContain("old-2");
  // And the sweep itself, at a given time: everything is older than a window from now + 2 windows.
  expect(await pruneRateLimits(t.db, now + 2 * RATE_LIMIT_WINDOW_SECONDS * 1000)).toBeGreaterThan(0);
  expect(await t.db.rateLimit.count()).toBe(0);
}
