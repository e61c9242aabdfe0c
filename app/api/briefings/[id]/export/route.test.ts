import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { insertShareLink, markShareLinkRevoked } from "@/lib/shares/queries";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { createExportFixture } from "@/lib/test/export-fixture";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const MAGIC: Record<string, [string, string]> = {
  pdf: ["application/pdf", "%PDF-"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"],
  md: ["text/markdown; charset=utf-8", "**UNCLASSIFIED"],
  html: ["text/html; charset=utf-8", "<!doctype html>"],
};

describe.each(PROVIDERS)("GET /api/briefings/:id/export and /api/share/:token/content on %s", (provider) => {
  let t: TestDatabase;
  let exportGet: Handler;
  let contentGet: Handler;
  let briefingId = "";
  let reader: TestUser;
  let outsider: TestUser;
  let token = "";
  const exportRequest = (query: string, headers?: Headers, id = briefingId) =>
    exportGet(new Request(`http://localhost/api/briefings/${id}/export?${query}`, { headers }), {
      params: Promise.resolve({ id }),
    });
  const contentRequest = (shareToken: string, query = "") =>
    contentGet(new Request(`http://localhost/api/share/${shareToken}/content${query}`), {
      params: Promise.resolve({ token: shareToken }),
    });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    ({ briefingId } = await createExportFixture(t.db));
    reader = await signUp(getAuth(t.db), "Reader");
    outsider = await signUp(getAuth(t.db), "Outsider");
    await t.db.briefingGrant.create({ data: { briefingId, userId: reader.id, role: "viewer" } });
    const owner = await t.db.briefing.findUniqueOrThrow({ where: { id: briefingId }, select: { ownerId: true } });
    ({ token } = await insertShareLink(t.db, { briefingId, createdById: owner.ownerId }));
    exportGet = (await import("./route")).GET as Handler;
    contentGet = (await import("@/app/api/share/[token]/content/route")).GET as Handler;
  });
  afterAll(() => t?.drop());

  it("refuses an unknown format with 400 JSON before anything else", async () => {
    for (const query of ["format=exe", "", "format=PDF"]) {
      const response = await exportRequest(query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "bad_request", details: [{ param: "format" }] } });
    }
  });

  it("applies the read permission: 401 signed out, 404 for people without access", async () => {
    expect((await exportRequest("format=md")).status).toBe(401);
    expect((await exportRequest("format=md", outsider.headers)).status).toBe(404);
    expect((await exportRequest("format=md", reader.headers, "no-such-briefing")).status).toBe(404);
  });

  it.each(Object.entries(MAGIC))(
    "serves %s with its type and a file name from the title",
    async (format, [type, magic]) => {
      const response = await exportRequest(`format=${format}`, reader.headers);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="Baltic posture review.${format}"; filename*=UTF-8''Baltic%20posture%20review.${format}`,
      );
      const body = Buffer.from(await response.arrayBuffer());
      expect(Number(response.headers.get("content-length"))).toBe(body.length);
      expect(body.subarray(0, magic.length).toString("latin1")).toBe(magic);
    },
  );

  it("lays the PDF out on US Letter and leaves the TOC out on request; refuses unknown layout options", async () => {
    const response = await exportRequest("format=pdf&pageSize=letter&toc=off", reader.headers);
    expect(response.status).toBe(200);
    const pdf = Buffer.from(await response.arrayBuffer()).toString("latin1");
    expect(pdf).toContain("/MediaBox [0 0 612 792]");
    expect(pdf).not.toContain("/S /TOC");
    const a4 = Buffer.from(await (await exportRequest("format=pdf", reader.headers)).arrayBuffer()).toString("latin1");
    expect(a4).toContain("/MediaBox [0 0 595.28 841.89]");
    expect(a4).toContain("/S /TOC"); // the fixture has four headings
    for (const [query, param] of [
      ["format=pdf&pageSize=A5", "pageSize"],
      ["format=docx&toc=maybe", "toc"],
    ] as const) {
      const refused = await exportRequest(query, reader.headers);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: "bad_request", details: [{ param }] } });
    }
  });

  it("accepts a valid share token for its own briefing only", async () => {
    const shared = await exportRequest(`format=pdf&share=${token}`);
    expect(shared.status).toBe(200);
    expect(shared.headers.get("content-type")).toBe("application/pdf");
    const other = await t.db.briefing.create({ data: { title: "Other", ownerId: reader.id }, select: { id: true } });
    expect((await exportRequest(`format=pdf&share=${token}`, undefined, other.id)).status).toBe(404);
    expect((await exportRequest("format=pdf&share=forged")).status).toBe(404);
  });

  it("gives the share page the document, skips unchanged content, and answers 410 once revoked", async () => {
    const first = await contentRequest(token);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { version: string; document: { title: string; sources: unknown[] } };
    expect(body.document.title).toBe("Baltic posture review");
    expect(body.document.sources).toHaveLength(4);
    expect(await (await contentRequest(token, `?since=${body.version}`)).json()).toEqual({
      version: body.version,
      unchanged: true,
    });
    expect((await contentRequest("A".repeat(43))).status).toBe(404);

    const link = await t.db.shareLink.findFirstOrThrow({ where: { briefingId } });
    await markShareLinkRevoked(t.db, briefingId, link.id);
    const gone = await contentRequest(token);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ error: { code: "gone", message: "This link is no longer valid." } });
    expect((await exportRequest(`format=docx&share=${token}`)).status).toBe(410);
  });
});
