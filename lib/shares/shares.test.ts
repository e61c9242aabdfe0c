import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";

import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const { createBriefing } = await import("@/lib/briefings/create");
const { setBriefingClassification } = await import("@/lib/briefings/classification");
const { createShareLink, revokeShareLink } = await import("./actions");
const { listShareLinks, resolveShareToken, LAST_USED_RESOLUTION_MS } = await import("./queries");
const { hashShareToken } = await import("./tokens");

const as = (user: TestUser) => {
  request.headers = user.headers;
};
const tokenOf = (url: string) => url.split("/share/")[1]!;

describe.each(PROVIDERS)("share links on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let briefingId = "";
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    for (const name of ["Owner", "Editor", "Viewer", "Outsider"]) u[name] = await signUp(auth, name);
    ({ id: briefingId } = await createBriefing(t.db, {
      title: "Shared brief",
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

  it("lets owners and editors create links, shows the token once and stores only its hash", async () => {
    as(u.Owner!);
    const created = await createShareLink({ briefingId, expiresInDays: "" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.data.url).toMatch(/^http:\/\/localhost:\d+\/share\/[A-Za-z0-9_-]{43}$/);
    expect(created.data.expiresAt).toBeNull();
    const row = await t.db.shareLink.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row.tokenHash).toBe(hashShareToken(tokenOf(created.data.url)));
    expect(JSON.stringify(row)).not.toContain(tokenOf(created.data.url));

    as(u.Editor!);
    expect(await createShareLink({ briefingId, expiresInDays: 7 })).toMatchObject({ ok: true });
    as(u.Viewer!);
    expect(await createShareLink({ briefingId })).toMatchObject({ ok: false, code: "forbidden" });
    as(u.Outsider!);
    expect(await createShareLink({ briefingId })).toMatchObject({ ok: false, code: "not_found" });
    as(u.Owner!);
    expect(await createShareLink({ briefingId, expiresInDays: 400 })).toMatchObject({
      ok: false,
      code: "unprocessable",
    });
    expect((await listShareLinks(t.db, briefingId)).map((l) => l.createdBy).sort()).toEqual(["Editor", "Owner"]);
  });

  it("resolves a token to its briefing and records the use at most once a minute", async () => {
    as(u.Owner!);
    const created = await createShareLink({ briefingId });
    if (!created.ok) throw new Error(created.message);
    const token = tokenOf(created.data.url);
    const now = new Date();
    expect(await resolveShareToken(t.db, token, now)).toEqual({
      ok: true,
      briefingId,
      linkId: created.data.id,
      expiresAt: null,
      withComments: false,
      versionId: null,
    });
    const used = async () => (await t.db.shareLink.findUniqueOrThrow({ where: { id: created.data.id } })).lastUsedAt;
    expect(await used()).toEqual(now);
    await resolveShareToken(t.db, token, new Date(now.getTime() + 30_000));
    expect(await used()).toEqual(now);
    const later = new Date(now.getTime() + LAST_USED_RESOLUTION_MS + 1);
    await resolveShareToken(t.db, token, later);
    expect(await used()).toEqual(later);
  });

  it("says why a token no longer opens anything: unknown, revoked, expired, deleted", async () => {
    expect(await resolveShareToken(t.db, "not-a-token")).toEqual({ ok: false, reason: "unknown" });
    expect(await resolveShareToken(t.db, "A".repeat(43))).toEqual({ ok: false, reason: "unknown" });

    as(u.Owner!);
    const expiring = await createShareLink({ briefingId, expiresInDays: 1 });
    if (!expiring.ok) throw new Error(expiring.message);
    const inTwoDays = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    expect(await resolveShareToken(t.db, tokenOf(expiring.data.url), inTwoDays)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect((await listShareLinks(t.db, briefingId, inTwoDays)).map((l) => l.id)).not.toContain(expiring.data.id);

    const revoked = await createShareLink({ briefingId });
    if (!revoked.ok) throw new Error(revoked.message);
    as(u.Viewer!);
    expect(await revokeShareLink({ briefingId, linkId: revoked.data.id })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    as(u.Editor!);
    expect(await revokeShareLink({ briefingId, linkId: revoked.data.id })).toEqual({ ok: true, data: null });
    expect(await revokeShareLink({ briefingId, linkId: revoked.data.id })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await resolveShareToken(t.db, tokenOf(revoked.data.url))).toEqual({ ok: false, reason: "revoked" });
    expect((await listShareLinks(t.db, briefingId)).map((l) => l.id)).not.toContain(revoked.data.id);

    const live = await createShareLink({ briefingId });
    if (!live.ok) throw new Error(live.message);
    await t.db.briefing.update({ where: { id: briefingId }, data: { deletedAt: new Date() } });
    try {
      expect(await resolveShareToken(t.db, tokenOf(live.data.url))).toEqual({ ok: false, reason: "deleted" });
      as(u.Owner!);
      expect(await createShareLink({ briefingId })).toMatchObject({ ok: false, code: "conflict" });
    } finally {
      await t.db.briefing.update({ where: { id: briefingId }, data: { deletedAt: null } });
    }
  });

  it("lets owners and editors set the classification marking (one line, at most 120 characters)", async () => {
    as(u.Editor!);
    expect(await setBriefingClassification({ briefingId, classification: "  SECRET //\n REL TO  AUS " })).toEqual({
      ok: true,
      data: { classification: "SECRET // REL TO AUS" },
    });
    expect((await t.db.briefing.findUniqueOrThrow({ where: { id: briefingId } })).classification).toBe(
      "SECRET // REL TO AUS",
    );
    expect(await setBriefingClassification({ briefingId, classification: "x".repeat(121) })).toMatchObject({
      ok: false,
      code: "unprocessable",
    });
    as(u.Viewer!);
    expect(await setBriefingClassification({ briefingId, classification: "" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    request.headers = new Headers();
    expect(await setBriefingClassification({ briefingId, classification: "" })).toMatchObject({
      ok: false,
      code: "unauthorized",
    });
  });
});
