// Requests for access through the real server actions, sessions and permission checks, on SQLite
// and PostgreSQL: who may ask, one request per user and briefing, the budget of pending requests,
// who may answer, and that approving grants the role and removes the request in one go.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";

import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const { createBriefing } = await import("@/lib/briefings/create");
const { resolveBriefingPageAccess } = await import("@/lib/auth/briefing-access");
const { requestAccess, approveAccessRequest, declineAccessRequest } = await import("./actions");
const { listPendingAccessRequests } = await import("./queries");
const { ACCESS_REQUEST_MESSAGE_MAX, MAX_PENDING_REQUESTS_PER_USER } = await import("./schema");

const as = (user: TestUser) => {
  request.headers = user.headers;
};
const actor = (user: TestUser) => ({ id: user.id, isAdmin: false, catalogEditor: false });

describe.each(PROVIDERS)("requests for access on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let briefingId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    for (const name of ["Owner", "Editor", "Viewer", "Asker", "Other", "Greedy"]) u[name] = await signUp(auth, name);
    ({ id: briefingId } = await createBriefing(t.db, {
      title: "Secret title",
      ownerId: u.Owner!.id,
      template: "blank",
    }));
    await t.db.briefingGrant.createMany({
      data: [
        { briefingId, userId: u.Editor!.id, role: "editor" },
        { briefingId, userId: u.Viewer!.id, role: "viewer" },
      ],
    });
  });
  afterAll(() => t?.drop());

  const pendingOf = async (userId: string) =>
    t.db.accessRequest.count({ where: { briefingId, userId, status: "pending" } });

  it("shows 'no access' for a briefing that exists, without title or owner, and not found for one that does not", async () => {
    const access = await resolveBriefingPageAccess(t.db, actor(u.Asker!), briefingId);
    expect(access).toEqual({ kind: "no-access", request: null });
    expect(JSON.stringify(access)).not.toContain("Secret title");
    expect((await resolveBriefingPageAccess(t.db, actor(u.Asker!), "missing-briefing")).kind).toBe("not-found");
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    as(u.Asker!);
    const tooLong = await requestAccess({ briefingId, message: "x".repeat(ACCESS_REQUEST_MESSAGE_MAX + 1) });
    expect(tooLong).toMatchObject({ ok: false, code: "unprocessable", message: expect.stringContaining("500") });
    expect(await requestAccess({ briefingId: "" })).toMatchObject({ ok: false, code: "unprocessable" });
    expect(await requestAccess({ briefingId: "missing-briefing" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await t.db.accessRequest.count()).toBe(0);
  });

  it("takes one request per user and briefing, and refuses people who already have access", async () => {
    as(u.Asker!);
    expect(await requestAccess({ briefingId, message: "  Baltic desk, for Monday  " })).toEqual({
      ok: true,
      data: null,
    });
    expect(await requestAccess({ briefingId })).toMatchObject({ ok: false, code: "conflict" });
    expect(await pendingOf(u.Asker!.id)).toBe(1);
    expect(await resolveBriefingPageAccess(t.db, actor(u.Asker!), briefingId)).toMatchObject({
      kind: "no-access",
      request: { status: "pending" },
    });
    as(u.Viewer!);
    expect(await requestAccess({ briefingId })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("shows pending requests to those who may share, and lets only them answer", async () => {
    const [pending] = await listPendingAccessRequests(t.db, briefingId);
    expect(pending).toMatchObject({ name: "Asker", email: u.Asker!.email, message: "Baltic desk, for Monday" });
    as(u.Viewer!);
    expect(await approveAccessRequest({ briefingId, requestId: pending!.id, role: "editor" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    as(u.Asker!);
    expect(await approveAccessRequest({ briefingId, requestId: pending!.id, role: "editor" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    as(u.Owner!);
    expect(await approveAccessRequest({ briefingId, requestId: pending!.id, role: "owner" })).toMatchObject({
      ok: false,
      code: "unprocessable",
    });
    expect(await t.db.briefingGrant.count({ where: { briefingId, userId: u.Asker!.id } })).toBe(0);
  });

  it("approving grants the chosen role and removes the request; the page then opens", async () => {
    const [pending] = await listPendingAccessRequests(t.db, briefingId);
    as(u.Editor!);
    expect(await approveAccessRequest({ briefingId, requestId: pending!.id, role: "viewer" })).toEqual({
      ok: true,
      data: null,
    });
    expect(await t.db.briefingGrant.findFirst({ where: { briefingId, userId: u.Asker!.id } })).toMatchObject({
      role: "viewer",
    });
    expect(await t.db.accessRequest.count({ where: { briefingId } })).toBe(0);
    expect(await resolveBriefingPageAccess(t.db, actor(u.Asker!), briefingId)).toMatchObject({
      kind: "granted",
      role: "viewer",
    });
    // Answered once: a second approval finds nothing.
    expect(await approveAccessRequest({ briefingId, requestId: pending!.id, role: "editor" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });

  it("a declined request stays declined: the same user cannot ask again", async () => {
    as(u.Other!);
    expect((await requestAccess({ briefingId })).ok).toBe(true);
    const [pending] = await listPendingAccessRequests(t.db, briefingId);
    as(u.Owner!);
    expect(await declineAccessRequest({ briefingId, requestId: pending!.id })).toEqual({ ok: true, data: null });
    expect(await listPendingAccessRequests(t.db, briefingId)).toEqual([]);
    as(u.Other!);
    expect(await requestAccess({ briefingId })).toMatchObject({ ok: false, code: "conflict" });
    expect(await resolveBriefingPageAccess(t.db, actor(u.Other!), briefingId)).toMatchObject({
      kind: "no-access",
      request: { status: "declined" },
    });
  });

  it(`allows at most ${MAX_PENDING_REQUESTS_PER_USER} pending requests per user`, async () => {
    const ids: string[] = [];
    for (let i = 0; i <= MAX_PENDING_REQUESTS_PER_USER; i++) {
      ids.push((await createBriefing(t.db, { title: `B${i}`, ownerId: u.Owner!.id, template: "blank" })).id);
    }
    as(u.Greedy!);
    for (const id of ids.slice(0, MAX_PENDING_REQUESTS_PER_USER)) {
      expect(await requestAccess({ briefingId: id })).toEqual({ ok: true, data: null });
    }
    expect(await requestAccess({ briefingId: ids.at(-1) })).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await t.db.accessRequest.count({ where: { userId: u.Greedy!.id } })).toBe(MAX_PENDING_REQUESTS_PER_USER);
  });
});
