import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { notifyOverdueClearances } from "@/lib/clearance/notify";
import { listClearances } from "@/lib/clearance/queries";
import { CLEARANCE_LIMITS } from "@/lib/clearance/schema";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";

const MARKDOWN = "# Baltic posture\n\nThe forward presence.";
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe.each(PROVIDERS)("clearance chains through /api/v1 on %s", (provider) => {
  let t: TestDatabase;
  let owner: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let outsider: TestUser;
  const h: Record<string, Headers> = {};
  let id = "";
  const teamId = `team-${provider}`;
  let clearances: typeof import("./route");
  let answers: typeof import("../../../clearances/[id]/answers/route");
  let finalizeRoute: typeof import("../../../clearances/[id]/finalize/route");
  let releaseRoute: typeof import("../../../clearances/[id]/release/route");
  let withdrawRoute: typeof import("../../../clearances/[id]/withdraw/route");

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = getAuth(t.db);
    owner = await signUp(auth, "Owner");
    alice = await signUp(auth, "Alice");
    bob = await signUp(auth, "Bob");
    carol = await signUp(auth, "Carol");
    outsider = await signUp(auth, "Outsider");
    for (const [key, user] of Object.entries({ owner, alice, bob, carol, outsider })) {
      h[key] = (await bearer(t.db, user.id, "write")).headers;
    }
    h.ownerRead = (await bearer(t.db, owner.id, "read", "reader")).headers;
    const created = await callRoute((await import("../../route")).POST, "POST", "/api/v1/briefings", {
      headers: h.owner,
      json: { title: "Posture", markdown: MARKDOWN },
    });
    ({ id } = await created.json());
    await t.db.organization.create({ data: { id: teamId, name: "Legal office", slug: teamId } });
    await t.db.member.create({
      data: { id: `m-${provider}`, organizationId: teamId, userId: carol.id, role: "member" },
    });
    for (const user of [alice, bob]) {
      await t.db.briefingGrant.create({ data: { briefingId: id, userId: user.id, role: "commenter" } });
    }
    await t.db.briefingGrant.create({ data: { briefingId: id, teamId, role: "viewer" } });
    clearances = await import("./route");
    answers = await import("../../../clearances/[id]/answers/route");
    finalizeRoute = await import("../../../clearances/[id]/finalize/route");
    releaseRoute = await import("../../../clearances/[id]/release/route");
    withdrawRoute = await import("../../../clearances/[id]/withdraw/route");
  });
  afterAll(() => t?.drop());

  const request = (json: unknown, headers = h.owner) =>
    callRoute(clearances.POST, "POST", `/api/v1/briefings/${id}/clearances`, { headers, json, params: { id } });
  const list = async (headers = h.owner) =>
    (await callRoute(clearances.GET, "GET", `/api/v1/briefings/${id}/clearances`, { headers, params: { id } })).json();
  const answer = (cid: string, json: unknown, headers: Headers | undefined) =>
    callRoute(answers.POST, "POST", `/api/v1/clearances/${cid}/answers`, { headers, json, params: { id: cid } });
  const post = (handler: unknown, action: string, cid: string, json: unknown = {}, headers = h.owner) =>
    callRoute(handler, "POST", `/api/v1/clearances/${cid}/${action}`, { headers, json, params: { id: cid } });
  const kinds = async (userId: string) =>
    (await t.db.notification.findMany({ where: { userId }, select: { kind: true } })).map((n) => n.kind).sort();

  it("refuses bad requests with clear errors and writes nothing", async () => {
    const valid = { versionId: "current", clearers: [{ email: alice.email }], mode: "parallel", due: inHours(24) };
    expect((await request({ ...valid, mode: "whenever" })).status).toBe(400);
    const many = Array.from({ length: CLEARANCE_LIMITS.clearers + 1 }, (_, i) => ({ email: `x${i}@example.org` }));
    expect((await request({ ...valid, clearers: many })).status).toBe(400);
    const unknown = await request({ ...valid, clearers: [{ email: "nobody@example.org" }] });
    // The API reports every bad input as 400 bad_request (lib/api/errors.ts).
    expect(unknown.status).toBe(400);
    const blind = await request({ ...valid, clearers: [{ email: outsider.email }] });
    expect(blind.status).toBe(400);
    expect((await blind.json()).error.message).toMatch(/cannot read this briefing: share it/);
    expect((await request({ ...valid, clearers: [{ teamId: "no-such-team" }] })).status).toBe(400);
    expect((await request({ ...valid, due: new Date(Date.now() - 60_000).toISOString() })).status).toBe(400);
    expect((await request(valid, h.alice)).status).toBe(403);
    expect((await request(valid, h.ownerRead)).status).toBe(403);
    expect((await request(valid, h.outsider)).status).toBe(404);
    expect(await t.db.clearance.count()).toBe(0);
    expect(await t.db.briefingVersion.count({ where: { kind: "named" } })).toBe(0);
    expect((await list()).state).toBe("draft");
  });

  it("runs a sequential chain: the current clearer only, a team member answers for the team, cleared", async () => {
    const response = await request({
      versionId: "current",
      clearers: [{ email: alice.email.toUpperCase() }, { teamId }],
      mode: "sequential",
      due: inHours(48),
    });
    expect(response.status).toBe(201);
    const { clearance } = await response.json();
    expect(clearance).toMatchObject({ state: "in_clearance", mode: "sequential", stale: false, overdue: false });
    expect(clearance.version.name).toMatch(/^For clearance /);
    expect(
      clearance.steps.map((s: { clearer: { name: string }; answerable: boolean }) => [s.clearer.name, s.answerable]),
    ).toEqual([
      ["Alice", true],
      ["Legal office", false],
    ]);
    expect(await kinds(alice.id)).toEqual(["clearance_requested"]);
    expect(await kinds(carol.id)).toEqual([]);
    // One open clearance per briefing.
    const again = await request({
      versionId: "current",
      clearers: [{ email: bob.email }],
      mode: "parallel",
      due: inHours(4),
    });
    expect(again.status).toBe(409);

    expect((await answer(clearance.id, { answer: "concur" }, h.carol)).status).toBe(409);
    expect((await answer(clearance.id, { answer: "concur" }, h.outsider)).status).toBe(404);
    expect((await answer(clearance.id, { answer: "concur" }, h.bob)).status).toBe(403);
    expect((await answer(clearance.id, { answer: "maybe" }, h.alice)).status).toBe(400);
    const tooLong = "x".repeat(CLEARANCE_LIMITS.commentLength + 1);
    expect((await answer(clearance.id, { answer: "concur", comment: tooLong }, h.alice)).status).toBe(400);
    expect((await answer(clearance.id, { answer: "concur" }, h.alice)).status).toBe(201);
    expect((await answer(clearance.id, { answer: "concur" }, h.alice)).status).toBe(409);
    expect(await kinds(carol.id)).toEqual(["clearance_requested"]);
    expect((await answer(clearance.id, { answer: "concur_with_comments" }, h.carol)).status).toBe(400);
    const last = await answer(clearance.id, { answer: "concur_with_comments", comment: "Cite the treaty." }, h.carol);
    expect(last.status).toBe(201);
    const cleared = (await last.json()).clearance;
    expect(cleared).toMatchObject({ state: "cleared", override: false, finalizedBy: null, stale: false });
    expect(cleared.steps[1]).toMatchObject({
      answer: "concur_with_comments",
      comment: "Cite the treaty.",
      answeredBy: { id: carol.id, name: "Carol" },
    });
    expect(await kinds(owner.id)).toEqual(["clearance_answered", "clearance_answered"]);
    expect((await list(h.alice)).state).toBe("cleared");
  });

  it("marks a cleared clearance stale when the text changes, and refuses to release it", async () => {
    const { editDocument } = await import("@/lib/versions/live");
    const { appendParagraph } = await import("@/lib/test/ydoc");
    await editDocument(t.db, id, (doc) => appendParagraph(doc, "Added after clearance."));
    const listed = await list();
    expect(listed.state).toBe("stale");
    expect(listed.clearances[0]).toMatchObject({ state: "cleared", stale: true });
    const refused = await post(releaseRoute.POST, "release", listed.clearances[0].id);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/text changed/);
  });

  it("overrides a non-concurrence and a silent clearer with the dissent recorded, then releases", async () => {
    const response = await request({
      versionId: "current",
      clearers: [{ email: alice.email }, { email: bob.email }],
      mode: "parallel",
      due: inHours(24),
    });
    expect(response.status).toBe(201);
    const { clearance } = await response.json();
    expect((await answer(clearance.id, { answer: "non_concur", comment: "Too strong." }, h.alice)).status).toBe(201);
    const noDissent = await post(finalizeRoute.POST, "finalize", clearance.id, {});
    expect(noDissent.status).toBe(409);
    expect((await noDissent.json()).error.message).toMatch(/dissent/);
    expect((await post(finalizeRoute.POST, "finalize", clearance.id, { dissent: "x" }, h.alice)).status).toBe(403);
    const dissent = "Alice's office non-concurred (tone); Bob did not answer. Cleared for the minister's deadline.";
    const done = await post(finalizeRoute.POST, "finalize", clearance.id, { dissent });
    expect(done.status).toBe(200);
    const finalized = (await done.json()).clearance;
    expect(finalized).toMatchObject({ state: "cleared", override: true, dissent, finalizedBy: { id: owner.id } });
    expect(finalized.events.map((e: { kind: string }) => e.kind)).toEqual([
      "requested",
      "answered",
      "finalized_override",
    ]);
    expect((await answer(clearance.id, { answer: "concur" }, h.bob)).status).toBe(409);
    expect(await kinds(bob.id)).toContain("clearance_finalized");

    const released = await post(releaseRoute.POST, "release", clearance.id);
    expect(released.status).toBe(200);
    expect((await released.json()).clearance).toMatchObject({ state: "released", stale: false });
    expect((await list()).state).toBe("released");
    expect((await post(withdrawRoute.POST, "withdraw", clearance.id)).status).toBe(409);
    expect(await t.db.apiAudit.count({ where: { action: "clearance.finalize", target: clearance.id } })).toBe(1);
  });

  it("flags and reports overdue clearances once (injected clock), and withdraws back to draft", async () => {
    const { clearance } = await (
      await request({ versionId: "current", clearers: [{ teamId }], mode: "parallel", due: inHours(1) })
    ).json();
    const later = new Date(Date.now() + 2 * 3_600_000);
    const ownerActor = { id: owner.id, isAdmin: false, catalogEditor: false };
    expect((await listClearances(t.db, ownerActor, id, new Date())).clearances[0]?.overdue).toBe(false);
    expect((await listClearances(t.db, ownerActor, id, later)).clearances[0]?.overdue).toBe(true);
    expect(await notifyOverdueClearances(t.db, later)).toBe(1);
    expect(await notifyOverdueClearances(t.db, later)).toBe(0);
    expect(await kinds(carol.id)).toContain("clearance_overdue");
    expect(await kinds(owner.id)).toContain("clearance_overdue");
    const withdrawn = await post(withdrawRoute.POST, "withdraw", clearance.id);
    expect(withdrawn.status).toBe(200);
    expect((await list()).state).toBe("draft");
    expect((await answer(clearance.id, { answer: "concur" }, h.carol)).status).toBe(409);
  });
});
