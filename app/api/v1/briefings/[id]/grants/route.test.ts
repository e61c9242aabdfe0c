import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onAccessChange } from "@/lib/auth/access-events";
import { getAuth } from "@/lib/auth/auth";
import { createBriefing } from "@/lib/briefings/create";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { revokeApiToken } from "@/lib/tokens/store";

describe.each(PROVIDERS)("/api/v1/briefings/:id/grants on %s", (provider) => {
  let t: TestDatabase;
  let routes: typeof import("./route");
  let owner: TestUser;
  let colleague: TestUser;
  let write: Headers;
  let read: Headers;
  let id = "";
  let teamId = "";
  const announced: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    owner = await signUp(getAuth(t.db), "Owner");
    colleague = await signUp(getAuth(t.db), "Colleague");
    write = (await bearer(t.db, owner.id, "write", "deploy bot")).headers;
    read = (await bearer(t.db, owner.id, "read")).headers;
    ({ id } = await createBriefing(t.db, { title: "Shared", ownerId: owner.id, template: "blank" }));
    teamId = (
      await t.db.organization.create({ data: { id: "team-1", name: "Team", slug: "team", createdAt: new Date() } })
    ).id;
    routes = await import("./route");
    onAccessChange((change) => announced.push(change.briefingId ?? ""));
  });
  afterAll(() => t?.drop());

  const call = (method: "POST" | "DELETE", json: unknown, headers = write, briefing = id) =>
    callRoute(method === "POST" ? routes.POST : routes.DELETE, method, `/api/v1/briefings/${briefing}/grants`, {
      headers,
      json,
      params: { id: briefing },
    });

  it("grants, changes and removes a person's role, announcing each change and auditing the token", async () => {
    const granted = await call("POST", { email: colleague.email, role: "viewer" });
    expect(granted.status).toBe(200);
    expect(await granted.json()).toEqual({ briefingId: id, email: colleague.email, teamId: null, role: "viewer" });
    expect((await call("POST", { email: colleague.email.toUpperCase(), role: "editor" })).status).toBe(200);
    const grants = await t.db.briefingGrant.findMany({ where: { briefingId: id } });
    expect(grants).toMatchObject([{ userId: colleague.id, role: "editor" }]);
    // The colleague now reads it through the API.
    const colleagueToken = (await bearer(t.db, colleague.id, "read")).headers;
    const { GET } = await import("../route");
    const shown = await callRoute(GET, "GET", `/api/v1/briefings/${id}`, { headers: colleagueToken, params: { id } });
    expect((await shown.json()).role).toBe("editor");
    announced.length = 0;
    expect((await call("DELETE", { email: colleague.email, role: "editor" })).status).toBe(204);
    expect(announced).toEqual([id]);
    expect(await t.db.briefingGrant.count({ where: { briefingId: id } })).toBe(0);
    expect((await call("DELETE", { email: colleague.email, role: "editor" })).status).toBe(404);
    const audit = await t.db.apiAudit.findMany({ orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.tokenName, a.action])).toEqual([
      ["deploy bot", "briefing.grant"],
      ["deploy bot", "briefing.grant"],
      ["deploy bot", "briefing.revoke"],
    ]);
  });

  it("grants a team", async () => {
    expect((await call("POST", { teamId, role: "commenter" })).status).toBe(200);
    expect(await t.db.briefingGrant.findFirst({ where: { briefingId: id, teamId } })).toMatchObject({
      role: "commenter",
    });
  });

  it("refuses bad input with 400 and fields, changing nothing", async () => {
    const before = await t.db.briefingGrant.count();
    for (const json of [
      { role: "viewer" },
      { email: colleague.email, teamId, role: "viewer" },
      { email: "not-an-email", role: "viewer" },
      { email: colleague.email, role: "owner" },
      { teamId: "no-such-team", role: "viewer" },
    ]) {
      const response = await call("POST", json);
      expect(response.status).toBe(400);
      expect(Object.keys((await response.json()).error.fields).length).toBeGreaterThan(0);
    }
    expect(await t.db.briefingGrant.count()).toBe(before);
  });

  it("answers an address without a verified account like any other: the share waits for verification", async () => {
    const before = await t.db.briefingGrant.count();
    const response = await call("POST", { email: "nobody@example.org", role: "viewer" });
    expect(response.status).toBe(200);
    expect(await t.db.briefingGrant.count()).toBe(before);
    expect(await t.db.pendingShare.findMany({ where: { briefingId: id }, select: { email: true } })).toEqual([
      { email: "nobody@example.org" },
    ]);
    expect((await call("DELETE", { email: "nobody@example.org", role: "viewer" })).status).toBe(204);
    expect(await t.db.pendingShare.count({ where: { briefingId: id } })).toBe(0);
  });

  it("401 for a revoked token, 403 for a read token and for a viewer, 404 for strangers", async () => {
    const revoked = await bearer(t.db, owner.id, "write", "old");
    await revokeApiToken(t.db, owner.id, revoked.id);
    expect((await call("POST", { email: colleague.email, role: "viewer" }, revoked.headers)).status).toBe(401);
    const readOnly = await call("POST", { email: colleague.email, role: "viewer" }, read);
    expect(readOnly.status).toBe(403);
    expect((await readOnly.json()).error.code).toBe("forbidden");
    await t.db.briefingGrant.create({ data: { briefingId: id, userId: colleague.id, role: "viewer" } });
    const viewerToken = (await bearer(t.db, colleague.id, "write")).headers;
    expect((await call("POST", { email: colleague.email, role: "editor" }, viewerToken)).status).toBe(403);
    const stranger = await signUp(getAuth(t.db), "Stranger");
    const strangerToken = (await bearer(t.db, stranger.id, "write")).headers;
    expect((await call("POST", { email: stranger.email, role: "editor" }, strangerToken)).status).toBe(404);
    expect(await t.db.briefingGrant.findFirst({ where: { briefingId: id, userId: colleague.id } })).toMatchObject({
      role: "viewer",
    });
  });
});
