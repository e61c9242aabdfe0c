import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { revokeApiToken } from "@/lib/tokens/store";

describe.each(PROVIDERS)("/api/v1/briefings on %s", (provider) => {
  let t: TestDatabase;
  let routes: typeof import("./route");
  let one: typeof import("./[id]/route");
  let owner: TestUser;
  let outsider: TestUser;
  let write: Headers;
  let read: Headers;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    owner = await signUp(getAuth(t.db), "Owner");
    outsider = await signUp(getAuth(t.db), "Outsider");
    write = (await bearer(t.db, owner.id, "write")).headers;
    read = (await bearer(t.db, owner.id, "read")).headers;
    routes = await import("./route");
    one = await import("./[id]/route");
  });
  afterAll(() => t?.drop());

  const create = (json: unknown, headers = write) =>
    callRoute(routes.POST, "POST", "/api/v1/briefings", { headers, json });
  const get = (id: string, headers: Headers) =>
    callRoute(one.GET, "GET", `/api/v1/briefings/${id}`, { headers, params: { id } });

  it("creates a briefing from Markdown (201), stores it as the initial document and audits the token", async () => {
    const response = await create({
      title: "  API brief ",
      markdown: "# Heading\n\nSome **bold** text.\n\n- one\n- two",
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ title: "API brief", role: "owner", teamId: null, classification: null });
    expect(typeof body.updatedAt).toBe("string");
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.ownerId).toBe(owner.id);
    expect(row.yState?.length).toBeGreaterThan(0);
    expect(JSON.parse(row.contentJson ?? "{}").content[0]).toEqual({
      type: "heading",
      attrs: { level: 1 },
      content: [{ type: "text", text: "Heading" }],
    });
    expect(row.contentText).toContain("Some bold text.");
    const audit = await t.db.apiAudit.findMany({ where: { target: body.id } });
    expect(audit).toMatchObject([{ userId: owner.id, tokenName: "write token", action: "briefing.create" }]);
  });

  it("refuses bad input with 400 and per-field messages, creating nothing", async () => {
    const before = await t.db.briefing.count();
    for (const json of [
      { title: "" },
      { title: "x".repeat(201) },
      { title: "ok", template: "nope" },
      { title: "ok", template: "blank", markdown: "# both" },
      { title: "ok", extra: 1 },
      [1, 2],
    ]) {
      const response = await create(json);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("bad_request");
      expect(Object.keys(body.error.fields ?? {}).length).toBeGreaterThan(0);
    }
    const jsonHeaders = new Headers(write);
    jsonHeaders.set("content-type", "application/json");
    const notJson = await callRoute(routes.POST, "POST", "/api/v1/briefings", { headers: jsonHeaders, body: "{oops" });
    expect(notJson.status).toBe(400);
    // A JSON body not declared as JSON (what a cross-site form could send with a cookie) is refused.
    const formHeaders = new Headers(owner.headers);
    formHeaders.set("content-type", "text/plain");
    const undeclared = await callRoute(routes.POST, "POST", "/api/v1/briefings", {
      headers: formHeaders,
      body: JSON.stringify({ title: "Smuggled" }),
    });
    expect(undeclared.status).toBe(400);
    expect((await undeclared.json()).error.fields).toHaveProperty("body");
    expect(await t.db.briefing.count()).toBe(before);
  });

  it("answers 401 without credentials and for unknown, revoked or expired tokens", async () => {
    const revoked = await bearer(t.db, owner.id, "write", "revoked");
    await revokeApiToken(t.db, owner.id, revoked.id);
    const expired = await bearer(t.db, owner.id, "write", "expired");
    await t.db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const cases = [
      new Headers(),
      new Headers({ authorization: "Bearer bpat_not-a-real-token" }),
      new Headers({ authorization: "Basic abc" }),
      revoked.headers,
      expired.headers,
      // A bad token is not rescued by a valid session cookie.
      new Headers({ authorization: "Bearer nope", cookie: owner.headers.get("cookie") ?? "" }),
    ];
    for (const headers of cases) {
      const response = await callRoute(routes.GET, "GET", "/api/v1/briefings", { headers });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatchObject({ code: "unauthorized", message: expect.any(String) });
      expect((await create({ title: "never" }, headers)).status).toBe(401);
    }
    expect(await t.db.briefing.count({ where: { title: "never" } })).toBe(0);
  });

  it("lets a read token read but refuses it every write with 403", async () => {
    const response = await create({ title: "read only" }, read);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
    expect(await t.db.briefing.count({ where: { title: "read only" } })).toBe(0);
    const list = await callRoute(routes.GET, "GET", "/api/v1/briefings", { headers: read });
    expect(list.status).toBe(200);
    expect((await list.json()).items.length).toBeGreaterThan(0);
  });

  it("lists and reads the caller's briefings with role; others get 404; the session cookie works too", async () => {
    const { id } = await (await create({ title: "Listed", template: "policy-brief" })).json();
    await t.db.briefing.update({ where: { id }, data: { classification: "UNCLASSIFIED" } });
    const list = await (await callRoute(routes.GET, "GET", "/api/v1/briefings", { headers: owner.headers })).json();
    expect(list.items).toContainEqual({ id, title: "Listed", role: "owner", updatedAt: expect.any(String) });
    const shown = await get(id, read);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toMatchObject({ id, title: "Listed", role: "owner", classification: "UNCLASSIFIED" });
    expect((await get(id, outsider.headers)).status).toBe(404);
    expect((await get("no-such-id", write)).status).toBe(404);
    const outsiders = await (
      await callRoute(routes.GET, "GET", "/api/v1/briefings", { headers: outsider.headers })
    ).json();
    expect(outsiders.items).toEqual([]);
    await t.db.briefing.update({ where: { id }, data: { deletedAt: new Date() } });
    expect((await get(id, write)).status).toBe(404);
  });

  it("rate-limits per token with 429 and Retry-After, leaving other tokens alone", async () => {
    const limited = await bearer(t.db, owner.id, "read", "busy");
    await t.db.rateLimit.create({
      data: { id: "busy", key: `api-token:${limited.id}`, count: 120, lastRequest: BigInt(Date.now()) },
    });
    const response = await callRoute(routes.GET, "GET", "/api/v1/briefings", { headers: limited.headers });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await response.json()).error.code).toBe("rate_limited");
    expect((await callRoute(routes.GET, "GET", "/api/v1/briefings", { headers: read })).status).toBe(200);
  });

  it("rate-limits cookie calls per user", async () => {
    // The outsider's earlier cookie calls already opened their bucket: fill it up.
    const key = `api-user:${outsider.id}`;
    const full = { count: 120, lastRequest: BigInt(Date.now()) };
    await t.db.rateLimit.upsert({ where: { key }, create: { id: "busy-user", key, ...full }, update: full });
    const response = await callRoute(routes.GET, "GET", "/api/v1/briefings", { headers: outsider.headers });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
