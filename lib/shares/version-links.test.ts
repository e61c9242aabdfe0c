// Share links bound to one version, on SQLite and PostgreSQL, through the real actions and routes:
// the link shows that version frozen ("As of …") while the live document moves on, its exports are
// of that version, its comments are those of its time (only when created "with comments"), it never
// opens the live room, only named versions can be shared, and revoking it closes it.
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type ShareLinkActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";
import { appendParagraph } from "@/lib/test/ydoc";

const { createAuth } = await import("@/lib/auth/auth");
const { authorizeCollab } = await import("@/lib/auth/collab");
const { shareLinkActor } = await import("@/lib/auth/actor");
const { createBriefing } = await import("@/lib/briefings/create");
const { listSharedThreads } = await import("@/lib/comments/shared");
const { editDocument } = await import("@/lib/versions/live");
const { captureVersion } = await import("@/lib/versions/store");
const { createShareLink, revokeShareLink } = await import("./actions");
const { loadSharedDocument } = await import("./content");
const { listShareLinks } = await import("./queries");
const exportRoute = await import("@/app/api/briefings/[id]/export/route");
const contentRoute = await import("@/app/api/share/[token]/content/route");

const tokenOf = (url: string) => url.split("/share/")[1]!;
const bodyText = (shared: { document: { blocks: unknown[] } }) => JSON.stringify(shared.document.blocks);

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe.each(PROVIDERS)("share links to a version on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let briefingId = "";
  let namedId = "";
  let autoId = "";
  let versionTime = new Date();
  let token = "";
  let linkId = "";

  const as = (user: TestUser) => {
    request.headers = user.headers;
  };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const auth = createAuth(t.db);
    for (const name of ["Owner", "Viewer"]) u[name] = await signUp(auth, name);
    ({ id: briefingId } = await createBriefing(t.db, { title: "Frozen", ownerId: u.Owner!.id, template: "blank" }));
    await t.db.briefingGrant.create({ data: { briefingId, userId: u.Viewer!.id, role: "viewer" } });
    await editDocument(t.db, briefingId, (doc) => appendParagraph(doc, "The text as sent to the Director."));
    versionTime = new Date(Date.now() - 60_000);
    const named = await captureVersion(t.db, briefingId, { kind: "named", name: "Sent to Director", now: versionTime });
    namedId = named!.id;
    await editDocument(t.db, briefingId, (doc) => appendParagraph(doc, "An automatic version's words."));
    autoId = (await captureVersion(t.db, briefingId, { kind: "auto", now: new Date() }))!.id;
    // A thread from before the version, with a reply written after it, and a thread written after.
    const before = new Date(versionTime.getTime() - 30_000);
    const after = new Date(versionTime.getTime() + 30_000);
    const comment = (id: string, threadId: string, body: string, createdAt: Date, quote?: string) =>
      t.db.comment.create({
        data: { id, threadId, briefingId, authorId: u.Owner!.id, body, createdAt, ...(quote ? { quote } : {}) },
      });
    await comment("old", "old", "Check the figures.", before, "sent to the Director");
    await comment("old-reply", "old", "Figures checked later.", after);
    await comment("new", "new", "Written after the version.", after, "automatic");
  });
  afterAll(() => t?.drop());

  it("shares named versions only, for owners and editors, and lists the link with its version", async () => {
    as(u.Owner!);
    expect(await createShareLink({ briefingId, versionId: autoId })).toMatchObject({ ok: false, code: "conflict" });
    expect(await createShareLink({ briefingId, versionId: "no-such-version" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    as(u.Viewer!);
    expect(await createShareLink({ briefingId, versionId: namedId })).toMatchObject({ ok: false, code: "forbidden" });
    as(u.Owner!);
    const created = await createShareLink({ briefingId, versionId: namedId, withComments: true });
    if (!created.ok) throw new Error(created.message);
    token = tokenOf(created.data.url);
    linkId = created.data.id;
    const listed = (await listShareLinks(t.db, briefingId)).find((link) => link.id === linkId);
    expect(listed?.version).toMatchObject({ id: namedId });
    expect(listed?.version?.label).toContain("Sent to Director");
  });

  it("shows the version frozen with its 'As of' header while the live document changes", async () => {
    const first = await loadSharedDocument(t.db, token);
    expect(first.frozen?.label).toMatch(/^As of “Sent to Director”/);
    expect(bodyText(first)).toContain("The text as sent to the Director.");
    expect(bodyText(first)).not.toContain("automatic version");
    await editDocument(t.db, briefingId, (doc) => appendParagraph(doc, "Edited after sharing."));
    const after = await loadSharedDocument(t.db, token);
    expect(bodyText(after)).not.toContain("Edited after sharing.");
    expect(after.version).toBe(first.version);
    // The page's content endpoint too (what a poll would read).
    const response = await callRoute(contentRoute.GET, "GET", `/api/share/${token}/content`, { params: { token } });
    expect(response.status).toBe(200);
    const body = JSON.stringify(await response.json());
    expect(body).toContain("The text as sent to the Director.");
    expect(body).not.toContain("Edited after sharing.");
    // A link to the live document does show the edit.
    as(u.Owner!);
    const live = await createShareLink({ briefingId });
    if (!live.ok) throw new Error(live.message);
    expect(bodyText(await loadSharedDocument(t.db, tokenOf(live.data.url)))).toContain("Edited after sharing.");
  });

  it("exports the version, never the live document, with its comments only as they were then", async () => {
    const get = (query: string) =>
      callRoute(exportRoute.GET, "GET", `/api/briefings/${briefingId}/export?${query}&share=${token}`, {
        params: { id: briefingId },
      });
    for (const format of ["md", "html"]) {
      const response = await get(`format=${format}`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain("The text as sent to the Director.");
      expect(text).toContain("As of “Sent to Director”");
      expect(text).not.toContain("Edited after sharing.");
    }
    const withComments = await (await get("format=md&comments=1")).text();
    expect(withComments).toContain("Check the figures.");
    expect(withComments).not.toContain("Figures checked later.");
    expect(withComments).not.toContain("Written after the version.");
    const threads = await listSharedThreads(t.db, token);
    expect(threads.map((thread) => thread.id)).toEqual(["old"]);
    expect(threads[0]!.comments.map((comment) => comment.body)).toEqual(["Check the figures."]);
  });

  it("never opens the live document: no collaboration room, and can() refuses reads without the version", async () => {
    const req = { headers: { host: "localhost" }, url: `/collab/${briefingId}?share=${token}` } as IncomingMessage;
    expect(await refusal(authorizeCollab(t.db, req, briefingId))).toBe("not_found");
    const actor: ShareLinkActor = await shareLinkActor(t.db, token);
    expect(actor.versionId).toBe(namedId);
    expect(await can(t.db, actor, { action: "briefing:read", briefingId })).toBe(false);
    expect(await can(t.db, actor, { action: "briefing:read", briefingId, versionId: autoId })).toBe(false);
    expect(await can(t.db, actor, { action: "briefing:read", briefingId, versionId: namedId })).toBe(true);
  });

  it("stops working once revoked", async () => {
    as(u.Owner!);
    expect(await revokeShareLink({ briefingId, linkId })).toEqual({ ok: true, data: null });
    expect(await refusal(loadSharedDocument(t.db, token))).toBe("gone");
    const response = await callRoute(
      exportRoute.GET,
      "GET",
      `/api/briefings/${briefingId}/export?format=md&share=${token}`,
      { params: { id: briefingId } },
    );
    expect(response.status).toBe(410);
  });
});
