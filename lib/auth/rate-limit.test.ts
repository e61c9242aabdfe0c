import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { signUp, TEST_PASSWORD } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { type Auth, createAuth } from "./auth";

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
});
