// Who the editor's @ popup offers, and sharing with someone mentioned, through the real route,
// action, sessions and permission checks on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const { createBriefing } = await import("@/lib/briefings/create");
const { GET } = await import("@/app/api/briefings/[id]/mentions/route");
const { shareWithMentioned } = await import("./actions");
const { MAX_MENTION_RESULTS } = await import("./queries");

describe.each(PROVIDERS)("mention candidates on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let briefingId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    for (const name of ["Owner", "Bob Baker", "Betty Viewer", "Bill Mate", "Zed Outsider", "Carla Commenter"]) {
      u[name] = await signUp(auth, name);
    }
    ({ id: briefingId } = await createBriefing(t.db, { title: "Brief", ownerId: u.Owner!.id, template: "blank" }));
    await t.db.briefingGrant.createMany({
      data: [
        { briefingId, userId: u["Bob Baker"]!.id, role: "editor" },
        { briefingId, userId: u["Betty Viewer"]!.id, role: "viewer" },
        { briefingId, userId: u["Carla Commenter"]!.id, role: "commenter" },
      ],
    });
    const team = await t.db.organization.create({
      data: { id: `t-${provider}`, name: "Desk", slug: `d-${provider}`, createdAt: new Date() },
    });
    await t.db.member.createMany({
      data: [u.Owner!, u["Bill Mate"]!].map((m, i) => ({
        id: `m${i}-${provider}`,
        organizationId: team.id,
        userId: m.id,
        role: "member",
        createdAt: new Date(),
      })),
    });
  });
  afterAll(() => t?.drop());

  const lookup = async (as: TestUser, q: string, id = briefingId) => {
    const response = await callRoute(GET, "GET", `/api/briefings/${id}/mentions?q=${encodeURIComponent(q)}`, {
      headers: as.headers,
      params: { id },
    });
    return { status: response.status, body: await response.json() };
  };

  it("lists readers matching a name or e-mail prefix first, then team-mates without access, never the caller", async () => {
    const { status, body } = await lookup(u.Owner!, "b");
    expect(status).toBe(200);
    expect(body.canShare).toBe(true);
    expect(body.people.map((p: { name: string; canRead: boolean }) => [p.name, p.canRead])).toEqual([
      ["Betty Viewer", true],
      ["Bob Baker", true],
      ["Bill Mate", false],
    ]);
    expect((await lookup(u.Owner!, "VIEW")).body.people.map((p: { name: string }) => p.name)).toEqual(["Betty Viewer"]);
    expect((await lookup(u.Owner!, "carla.")).body.people.map((p: { name: string }) => p.name)).toEqual([
      "Carla Commenter",
    ]);
    expect((await lookup(u.Owner!, "owner")).body.people).toEqual([]);
    // Nobody else in the instance is listed by name; an exact verified address is.
    expect((await lookup(u.Owner!, "zed")).body.people).toEqual([]);
    const exact = await lookup(u.Owner!, u["Zed Outsider"]!.email);
    expect(exact.body.people).toMatchObject([{ name: "Zed Outsider", canRead: false }]);
    expect((await lookup(u.Owner!, "")).body.people.length).toBeLessThanOrEqual(MAX_MENTION_RESULTS);
  });

  it("is for those who may comment: viewers get 403, outsiders 404, the signed-out 401", async () => {
    expect((await lookup(u["Carla Commenter"]!, "b")).body.canShare).toBe(false);
    expect((await lookup(u["Betty Viewer"]!, "b")).status).toBe(403);
    expect((await lookup(u["Zed Outsider"]!, "b")).status).toBe(404);
    const anonymous = await callRoute(GET, "GET", `/api/briefings/${briefingId}/mentions?q=b`, {
      params: { id: briefingId },
    });
    expect(anonymous.status).toBe(401);
    expect((await lookup(u.Owner!, "x".repeat(101))).status).toBe(400);
  });

  it("shares with a mentioned outsider as commenter (only for those who may share), notifying them", async () => {
    request.headers = u["Carla Commenter"]!.headers;
    expect(await shareWithMentioned({ briefingId, userId: u["Bill Mate"]!.id })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    request.headers = u.Owner!.headers;
    expect(await shareWithMentioned({ briefingId, userId: u["Bill Mate"]!.id })).toEqual({
      ok: true,
      data: { shared: true },
    });
    const grant = await t.db.briefingGrant.findFirstOrThrow({ where: { briefingId, userId: u["Bill Mate"]!.id } });
    expect(grant.role).toBe("commenter");
    expect(await t.db.notification.count({ where: { userId: u["Bill Mate"]!.id, kind: "briefing_shared" } })).toBe(1);
    // Someone who already has a role keeps it.
    expect(await shareWithMentioned({ briefingId, userId: u["Bob Baker"]!.id })).toEqual({
      ok: true,
      data: { shared: false },
    });
    expect(await shareWithMentioned({ briefingId, userId: "nobody" })).toMatchObject({ ok: false, code: "not_found" });
  });
});
