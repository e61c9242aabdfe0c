import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";
import { MAX_ACTIVE_TOKENS } from "./schema";
import { createApiToken, hashApiToken, listApiTokens, resolveApiToken, revokeApiToken } from "./store";

describe.each(PROVIDERS)("personal access tokens on %s", (provider) => {
  let t: TestDatabase;
  let actions: typeof import("./actions");
  let user: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    user = await signUp(getAuth(t.db), "Tokens");
    other = await signUp(getAuth(t.db), "Other");
    actions = await import("./actions");
  });
  afterAll(() => t?.drop());

  it("creates through the action: the secret once, only its hash stored, listed without it", async () => {
    request.headers = user.headers;
    const result = await actions.createToken({ name: " CI export ", scope: "write" });
    if (!result.ok) throw new Error(result.message);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(row).toMatchObject({ userId: user.id, name: "CI export", scope: "write" });
    expect(row.tokenHash).toBe(hashApiToken(result.data.secret));
    expect(JSON.stringify(row)).not.toContain(result.data.secret);
    expect(result.data.secret.startsWith(row.prefix)).toBe(true);
    const list = await listApiTokens(t.db, user.id);
    expect(list).toContainEqual(expect.objectContaining({ id: row.id, name: "CI export", lastUsedAt: null }));
    expect(JSON.stringify(list)).not.toContain(result.data.secret);
  });

  it("refuses bad input and signed-out calls, writing nothing", async () => {
    const before = await t.db.apiToken.count();
    request.headers = user.headers;
    for (const input of [
      { name: "", scope: "read" },
      { name: "x".repeat(81), scope: "read" },
      { name: "a", scope: "admin" },
    ]) {
      const result = await actions.createToken(input);
      expect(result).toMatchObject({ ok: false, code: "unprocessable" });
    }
    request.headers = new Headers();
    expect(await actions.createToken({ name: "anon", scope: "read" })).toMatchObject({
      ok: false,
      code: "unauthorized",
    });
    expect(await t.db.apiToken.count()).toBe(before);
  });

  it("revokes only the caller's own tokens, and a revoked token no longer resolves", async () => {
    const token = await createApiToken(t.db, { userId: user.id, name: "to revoke", scope: "read" });
    request.headers = other.headers;
    expect(await actions.revokeToken({ tokenId: token.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await resolveApiToken(t.db, token.secret)).not.toBeNull();
    request.headers = user.headers;
    expect(await actions.revokeToken({ tokenId: token.id })).toEqual({ ok: true, data: null });
    expect(await resolveApiToken(t.db, token.secret)).toBeNull();
    expect((await listApiTokens(t.db, user.id)).map((x) => x.id)).not.toContain(token.id);
  });

  it(`holds at most ${MAX_ACTIVE_TOKENS} active tokens per user; revoking frees a place`, async () => {
    const owner = await signUp(getAuth(t.db), "Budget");
    const made = [];
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) {
      made.push(await createApiToken(t.db, { userId: owner.id, name: `t${i}`, scope: "read" }));
    }
    await expect(createApiToken(t.db, { userId: owner.id, name: "one too many", scope: "read" })).rejects.toMatchObject(
      {
        code: "conflict",
      },
    );
    await revokeApiToken(t.db, owner.id, made[0]?.id ?? "");
    await expect(createApiToken(t.db, { userId: owner.id, name: "fits", scope: "read" })).resolves.toBeTruthy();
  });

  it("records the last use at most once a minute", async () => {
    const token = await createApiToken(t.db, { userId: user.id, name: "touch", scope: "read" });
    const t0 = new Date("2030-01-01T00:00:00Z");
    const lastUsed = async () =>
      (await t.db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt?.toISOString();
    await resolveApiToken(t.db, token.secret, t0);
    expect(await lastUsed()).toBe(t0.toISOString());
    await resolveApiToken(t.db, token.secret, new Date(t0.getTime() + 59_000));
    expect(await lastUsed()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + 61_000);
    await resolveApiToken(t.db, token.secret, later);
    expect(await lastUsed()).toBe(later.toISOString());
  });

  it("does not resolve unknown secrets or expired tokens", async () => {
    const token = await createApiToken(t.db, {
      userId: user.id,
      name: "expiring",
      scope: "read",
      expiresAt: new Date("2030-01-01T00:00:00Z"),
    });
    expect(await resolveApiToken(t.db, token.secret, new Date("2029-12-31T23:59:59Z"))).toMatchObject({
      scope: "read",
      user: { id: user.id },
    });
    expect(await resolveApiToken(t.db, token.secret, new Date("2030-01-01T00:00:00Z"))).toBeNull();
    expect(await resolveApiToken(t.db, `${token.secret}x`)).toBeNull();
    expect(await resolveApiToken(t.db, "not-even-prefixed")).toBeNull();
  });
});
