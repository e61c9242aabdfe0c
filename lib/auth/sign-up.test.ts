// better-auth's sign-up and change-password endpoints at the boundary, on both databases: weak
// passwords and malformed names get a 400 with a reason and store nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, TEST_PASSWORD, type TestUser } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { type Auth, createAuth } from "./auth";

const ORIGIN = "http://localhost:3000";

describe.each(PROVIDERS)("sign-up input on %s", (provider) => {
  let t: TestDatabase;
  let auth: Auth;
  let member: TestUser;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    auth = createAuth(t.db);
    member = await signUp(auth, "Member");
  });
  afterAll(() => t?.drop());

  const post = (path: string, body: unknown, headers: HeadersInit = {}) =>
    auth.handler(
      new Request(`${ORIGIN}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, ...Object.fromEntries(new Headers(headers)) },
        body: JSON.stringify(body),
      }),
    );
  const message = async (response: Response) => ((await response.json()) as { message?: string }).message ?? "";

  it.each([
    ["shorter than 10 characters", "Xk9#mQ2v", /at least 10 characters/i],
    ["one of the commonest", "qwertyuiop", /most common/],
    ["a common one with digits", "password123456", /most common/],
  ])("refuses a password %s, and creates no account", async (_label, password, reason) => {
    const before = await t.db.user.count();
    const response = await post("/sign-up/email", { name: "Weak", email: "weak@example.org", password });
    expect(response.status).toBe(400);
    expect(await message(response)).toMatch(reason);
    expect(await t.db.user.count()).toBe(before);
  });

  it("accepts the demo password", async () => {
    const response = await post("/sign-up/email", {
      name: "Demo",
      email: "demo@example.org",
      password: "demo-password-2026",
    });
    expect(response.status).toBe(200);
  });

  it("refuses a common password as the new one when changing passwords", async () => {
    const body = { currentPassword: TEST_PASSWORD, newPassword: "iloveyou2024" };
    const response = await post("/change-password", body, member.headers);
    expect(response.status).toBe(400);
    expect(await message(response)).toMatch(/most common/);
  });

  it("refuses a name with a lone surrogate with a readable 400, and creates no account", async () => {
    const before = await t.db.user.count();
    const response = await auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN },
        // Written out: JSON.stringify would escape the surrogate the same way.
        body: '{"name":"Ana \\ud800","email":"ana@example.org","password":"a long enough password"}',
      }),
    );
    expect(response.status).toBe(400);
    expect(await message(response)).toMatch(/invalid character/);
    expect(await t.db.user.count()).toBe(before);
  });
});
