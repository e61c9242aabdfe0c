import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const { createBriefing } = await import("@/lib/briefings/create");
const actions = await import("./actions");
const { MAX_WEBHOOKS_PER_SCOPE } = await import("./schema");
const list = await import("@/app/api/v1/briefings/[id]/webhooks/route");
const one = await import("@/app/api/v1/webhooks/[id]/route");
const teamList = await import("@/app/api/v1/teams/[id]/webhooks/route");
const deliveries = await import("@/app/api/v1/webhooks/[id]/deliveries/route");

const as = (user: TestUser) => {
  request.headers = user.headers;
};
const URL_OK = "https://hooks.example.org/briefings";

describe.each(PROVIDERS)("who manages webhooks on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let briefingId = "";
  const teamId = "team-perm";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    for (const name of ["Owner", "Editor", "Viewer", "Stranger", "Admin", "Member"]) u[name] = await signUp(auth, name);
    ({ id: briefingId } = await createBriefing(t.db, { title: "Guarded", ownerId: u.Owner!.id, template: "blank" }));
    await t.db.briefingGrant.createMany({
      data: [
        { briefingId, userId: u.Editor!.id, role: "editor" },
        { briefingId, userId: u.Viewer!.id, role: "viewer" },
      ],
    });
    await t.db.organization.create({ data: { id: teamId, name: "Desk", slug: "desk" } });
    await t.db.member.createMany({
      data: [
        { id: "a1", organizationId: teamId, userId: u.Admin!.id, role: "admin" },
        { id: "a2", organizationId: teamId, userId: u.Member!.id, role: "member" },
      ],
    });
  });
  afterAll(() => t?.drop());

  it("lets the owner add, test, turn off and delete a briefing webhook; editors, viewers and strangers cannot", async () => {
    as(u.Owner!);
    const created = await actions.createWebhook({
      briefingId,
      url: URL_OK,
      events: ["briefing.updated", "briefing.updated"],
    });
    expect(created).toMatchObject({ ok: true, data: { secret: expect.stringMatching(/^whsec_/) } });
    if (!created.ok) return;
    const row = await t.db.webhook.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row.events).toBe("briefing.updated");
    expect(row.secretEncrypted).not.toContain(created.data.secret.slice(6));
    const webhookId = created.data.id;
    for (const [name, code] of [
      ["Editor", "forbidden"],
      ["Viewer", "forbidden"],
      ["Stranger", "not_found"],
    ] as const) {
      as(u[name]!);
      expect(await actions.createWebhook({ briefingId, url: URL_OK, events: ["briefing.shared"] }), name).toMatchObject(
        { ok: false, code },
      );
      expect(await actions.deleteWebhook({ briefingId, webhookId }), name).toMatchObject({ ok: false, code });
      expect(await actions.setWebhookActive({ briefingId, webhookId, active: false }), name).toMatchObject({
        ok: false,
        code,
      });
      expect(await actions.sendTestEvent({ briefingId, webhookId }), name).toMatchObject({ ok: false, code });
    }
    // Naming another scope than the webhook's own finds nothing.
    as(u.Admin!);
    expect(await actions.deleteWebhook({ teamId, webhookId })).toMatchObject({ ok: false, code: "not_found" });
    as(u.Owner!);
    expect(await actions.setWebhookActive({ briefingId, webhookId, active: false })).toEqual({ ok: true, data: null });
    expect((await t.db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).active).toBe(false);
    expect(await actions.deleteWebhook({ briefingId, webhookId })).toEqual({ ok: true, data: null });
    expect(await t.db.webhook.count()).toBe(0);
  });

  it("lets team admins manage the team's webhooks; members and outsiders cannot", async () => {
    as(u.Admin!);
    const created = await actions.createWebhook({ teamId, url: URL_OK, events: ["briefing.shared"] });
    expect(created.ok).toBe(true);
    for (const name of ["Member", "Stranger", "Owner"]) {
      as(u[name]!);
      expect(await actions.createWebhook({ teamId, url: URL_OK, events: ["briefing.shared"] }), name).toMatchObject({
        ok: false,
        code: "forbidden",
      });
    }
    await t.db.webhook.deleteMany();
  });

  it("refuses bad URLs, unknown events, both or no scope, and more than the budget", async () => {
    as(u.Owner!);
    const bad = async (input: Record<string, unknown>) =>
      actions.createWebhook({ briefingId, url: URL_OK, events: ["briefing.shared"], ...input });
    expect(await bad({ url: "http://hooks.example.org/" })).toMatchObject({
      ok: false,
      code: "unprocessable",
      fieldErrors: { url: [expect.stringMatching(/https/)] },
    });
    expect(await bad({ url: "https://169.254.169.254/" })).toMatchObject({
      ok: false,
      fieldErrors: { url: [expect.stringMatching(/link-local/)] },
    });
    expect(await bad({ events: [] })).toMatchObject({
      ok: false,
      fieldErrors: { events: ["Choose at least one event."] },
    });
    expect(await bad({ events: ["briefing.deleted"] })).toMatchObject({ ok: false, code: "unprocessable" });
    expect(await bad({ teamId })).toMatchObject({ ok: false, code: "unprocessable" });
    expect(await actions.createWebhook({ url: URL_OK, events: ["briefing.shared"] })).toMatchObject({
      ok: false,
      code: "unprocessable",
    });
    for (let i = 0; i < MAX_WEBHOOKS_PER_SCOPE; i++) expect((await bad({ url: `${URL_OK}/${i}` })).ok).toBe(true);
    expect(await bad({})).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringMatching(/already 10 webhooks/),
    });
    await t.db.webhook.deleteMany();
  });

  it("serves the API to the owner with a write token; 403 for editors, viewers and read tokens, 404 for strangers", async () => {
    const ownerWrite = (await bearer(t.db, u.Owner!.id, "write")).headers;
    const ownerRead = (await bearer(t.db, u.Owner!.id, "read")).headers;
    const path = `/api/v1/briefings/${briefingId}/webhooks`;
    const post = (headers: Headers, json: unknown = { url: URL_OK, events: ["briefing.shared"] }) =>
      callRoute(list.POST, "POST", path, { headers, json, params: { id: briefingId } });
    const get = (headers: Headers) => callRoute(list.GET, "GET", path, { headers, params: { id: briefingId } });

    const created = await post(ownerWrite);
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({
      url: URL_OK,
      events: ["briefing.shared"],
      active: true,
      secret: expect.stringMatching(/^whsec_/),
      lastDelivery: null,
    });
    const listed = await (await get(ownerWrite)).json();
    expect(listed).toEqual([expect.objectContaining({ id: body.id, secretPrefix: body.secret.slice(0, 10) })]);
    expect(JSON.stringify(listed)).not.toContain(body.secret);
    expect((await post(ownerWrite, { url: "ftp://x.example.org", events: ["briefing.shared"] })).status).toBe(400);

    const hookPath = `/api/v1/webhooks/${body.id}`;
    const del = (headers: Headers) => callRoute(one.DELETE, "DELETE", hookPath, { headers, params: { id: body.id } });
    const history = (headers: Headers) =>
      callRoute(deliveries.GET, "GET", `${hookPath}/deliveries`, { headers, params: { id: body.id } });
    for (const [who, headers, status] of [
      ["read token", ownerRead, 403],
      ["editor", (await bearer(t.db, u.Editor!.id, "write")).headers, 403],
      ["viewer", (await bearer(t.db, u.Viewer!.id, "write")).headers, 403],
      ["stranger", (await bearer(t.db, u.Stranger!.id, "write")).headers, 404],
    ] as const) {
      expect((await post(headers)).status, who).toBe(status);
      expect((await get(headers)).status, who).toBe(status);
      expect((await del(headers)).status, who).toBe(status);
      expect((await history(headers)).status, who).toBe(status);
    }
    const shown = await history(ownerWrite);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toEqual([]);
    expect((await del(ownerWrite)).status).toBe(204);
    expect((await del(ownerWrite)).status).toBe(404);
    expect(
      (await callRoute(one.DELETE, "DELETE", "/api/v1/webhooks/x", { headers: ownerWrite, params: { id: "../x" } }))
        .status,
    ).toBe(404);
    const audits = await t.db.apiAudit.findMany({ where: { userId: u.Owner!.id }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(["webhook.create", "webhook.delete"]);
  });

  it("serves a team's webhooks to its admins with a write token; 403 for members and read tokens, 404 for outsiders", async () => {
    const path = `/api/v1/teams/${teamId}/webhooks`;
    const post = async (user: TestUser, scope: "read" | "write" = "write", id = teamId) =>
      callRoute(teamList.POST, "POST", path, {
        headers: (await bearer(t.db, user.id, scope)).headers,
        json: { url: `${URL_OK}/team`, events: ["briefing.shared"] },
        params: { id },
      });
    const get = async (user: TestUser, scope: "read" | "write" = "write") =>
      callRoute(teamList.GET, "GET", path, {
        headers: (await bearer(t.db, user.id, scope)).headers,
        params: { id: teamId },
      });

    const created = await post(u.Admin!);
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ url: `${URL_OK}/team`, secret: expect.stringMatching(/^whsec_/) });
    expect(
      await t.db.webhook.findUnique({ where: { id: body.id }, select: { teamId: true, briefingId: true } }),
    ).toEqual({ teamId, briefingId: null });
    const listed = await get(u.Admin!);
    expect(listed.status).toBe(200);
    expect((await listed.json()).map((hook: { id: string }) => hook.id)).toContain(body.id);

    expect((await post(u.Admin!, "read")).status).toBe(403);
    expect((await post(u.Member!)).status).toBe(403);
    expect((await get(u.Member!)).status).toBe(403);
    expect((await post(u.Stranger!)).status).toBe(404);
    expect((await get(u.Stranger!)).status).toBe(404);
    expect((await post(u.Admin!, "write", "no-such-team")).status).toBe(404);
    expect((await post(u.Admin!, "write", "../x")).status).toBe(404);
    expect(await t.db.webhook.count({ where: { teamId } })).toBe(1);

    const gone = await callRoute(one.DELETE, "DELETE", `/api/v1/webhooks/${body.id}`, {
      headers: (await bearer(t.db, u.Admin!.id, "write")).headers,
      params: { id: body.id },
    });
    expect(gone.status).toBe(204);
    const audits = await t.db.apiAudit.findMany({
      where: { userId: u.Admin!.id },
      select: { action: true, target: true },
    });
    expect(audits.map((a) => a.action)).toEqual(["webhook.create", "webhook.delete"]);
    expect(audits[0]?.target).toContain(`team ${teamId}`);
  });

  it("answers 404 to outsiders and 403 to members for a team webhook by id", async () => {
    as(u.Admin!);
    const created = await actions.createWebhook({ teamId, url: URL_OK, events: ["briefing.shared"] });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.id;
    const history = async (user: TestUser) =>
      (
        await callRoute(deliveries.GET, "GET", `/api/v1/webhooks/${id}/deliveries`, {
          headers: (await bearer(t.db, user.id, "write")).headers,
          params: { id },
        })
      ).status;
    expect(await history(u.Admin!)).toBe(200);
    expect(await history(u.Member!)).toBe(403);
    expect(await history(u.Stranger!)).toBe(404);
  });
});
