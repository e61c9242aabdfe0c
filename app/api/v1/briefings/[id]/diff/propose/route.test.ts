import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { loadCurrentContent } from "@/lib/briefings/doc/current";
import { editorSchema } from "@/lib/editor/schema";
import { listSuggestions } from "@/lib/editor/suggestions/review";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { editDocument } from "@/lib/versions/live";
import { replaceDocument } from "@/lib/versions/restore";

const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe.each(PROVIDERS)("POST /api/v1/briefings/:id/diff/propose on %s", (provider) => {
  let t: TestDatabase;
  let owner: TestUser;
  let write: Headers;
  let viewerWrite: Headers;
  let id = "";
  let propose: typeof import("./route");
  let versions: typeof import("../../versions/route");

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    owner = await signUp(getAuth(t.db), "Owner");
    const viewer = await signUp(getAuth(t.db), "Viewer");
    write = (await bearer(t.db, owner.id, "write")).headers;
    viewerWrite = (await bearer(t.db, viewer.id, "write")).headers;
    const created = await callRoute((await import("../../../route")).POST, "POST", "/api/v1/briefings", {
      headers: write,
      json: { title: "Posture", markdown: "The forward presence.\n\nAllied rotation." },
    });
    ({ id } = await created.json());
    await t.db.briefingGrant.create({ data: { briefingId: id, userId: viewer.id, role: "viewer" } });
    propose = await import("./route");
    versions = await import("../../versions/route");
  });
  afterAll(() => t?.drop());

  const name = async (title: string): Promise<string> =>
    (
      await (
        await callRoute(versions.POST, "POST", `/api/v1/briefings/${id}/versions`, {
          headers: write,
          json: { name: title },
          params: { id },
        })
      ).json()
    ).version.id;
  const post = (json: unknown, headers = write) =>
    callRoute(propose.POST, "POST", `/api/v1/briefings/${id}/diff/propose`, { headers, json, params: { id } });
  const setDocument = (...content: object[]) =>
    editDocument(t.db, id, (doc) => replaceDocument(doc, { type: "doc", content }));

  it("applies the changes between two versions onto the current document as the caller's suggestions", async () => {
    const v1 = await name("Draft");
    await setDocument(p("The forward presence grows."), p("Allied rotation."), p("A new paragraph."));
    const v2 = await name("Revised");
    // Back to the draft's text, then the revision proposed as suggestions instead of applied.
    await setDocument(p("The forward presence."), p("Allied rotation."));
    const response = await post({ from: v1, to: v2 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ proposed: 2, skipped: [] });
    const current = await loadCurrentContent(t.db, id);
    const doc = editorSchema().nodeFromJSON(current);
    expect(
      listSuggestions(doc).map((s) => ({ by: s.authorId, name: s.authorName, ins: s.inserted, del: s.deleted })),
    ).toEqual([
      { by: owner.id, name: "Owner", ins: " grows", del: "" },
      { by: owner.id, name: "Owner", ins: "A new paragraph.", del: "" },
    ]);
    const audit = await t.db.apiAudit.findMany({ where: { action: "version.propose" } });
    expect(audit).toHaveLength(1);
  });

  it("refuses read-only callers, unknown versions and bad bodies, changing nothing", async () => {
    const [v] = (await t.db.briefingVersion.findMany({ where: { briefingId: id }, select: { id: true } })).map(
      (row) => row.id,
    );
    const before = JSON.stringify(await loadCurrentContent(t.db, id));
    expect((await post({ from: v, to: v }, viewerWrite)).status).toBe(403);
    expect((await post({ from: v, to: "nope" })).status).toBe(404);
    const bad = await post({ from: v });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await loadCurrentContent(t.db, id))).toBe(before);
  });
});
