// The briefing page's clearance actions (real actions, real databases; only Next's request context
// is provided) and the Clearance page every export prints, read back from the files: PDF text,
// DOCX XML, Markdown and HTML; a version's export prints that version's clearance; a share link's
// download prints none.
import { strFromU8, unzipSync } from "fflate";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBriefing } from "@/lib/briefings/create";
import { insertShareLink } from "@/lib/shares/queries";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { request } from "@/lib/test/next-request";
import { appendParagraph } from "@/lib/test/ydoc";
import { editDocument } from "@/lib/versions/live";
import { captureVersion } from "@/lib/versions/store";

const { getAuth } = await import("@/lib/auth/auth");
const actions = await import("./actions");
const sessionExport = await import("@/app/api/briefings/[id]/export/route");
const versionExport = await import("@/app/api/v1/briefings/[id]/versions/[vid]/export/route");

const CONTENT = {
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Forward presence stays." }] }],
};
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

describe.each(PROVIDERS)("clearance actions and the Clearance page of exports on %s", (provider) => {
  let t: TestDatabase;
  const u: Record<string, TestUser> = {};
  let id = "";
  let clearanceId = "";
  let versionId = "";
  const as = (name: string) => {
    request.headers = u[name]!.headers;
  };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    for (const name of ["Owner", "Alice", "Bob", "Viewer", "Stranger"]) u[name] = await signUp(getAuth(t.db), name);
    ({ id } = await createBriefing(t.db, {
      title: "Posture",
      ownerId: u.Owner!.id,
      template: "blank",
      content: CONTENT,
    }));
    for (const name of ["Alice", "Bob", "Viewer"]) {
      await t.db.briefingGrant.create({ data: { briefingId: id, userId: u[name]!.id, role: "commenter" } });
    }
  });
  afterAll(() => t?.drop());

  const requestInput = (extra: Record<string, unknown> = {}) => ({
    briefingId: id,
    versionId: "current",
    versionName: "Sent for clearance",
    clearers: [{ email: u.Alice!.email }, { email: u.Bob!.email }],
    mode: "parallel",
    due: inDays(3),
    ...extra,
  });

  it("refuses who may not request and what is not valid, writing nothing", async () => {
    as("Alice");
    expect(await actions.requestClearance(requestInput())).toMatchObject({ ok: false, code: "forbidden" });
    as("Stranger");
    expect(await actions.requestClearance(requestInput())).toMatchObject({ ok: false, code: "not_found" });
    as("Owner");
    const badEmail = await actions.requestClearance(requestInput({ clearers: [{ email: "nobody" }] }));
    expect(badEmail).toMatchObject({
      ok: false,
      code: "unprocessable",
      fieldErrors: { "clearers.0.email": [expect.any(String)] },
    });
    const stranger = await actions.requestClearance(requestInput({ clearers: [{ email: u.Stranger!.email }] }));
    expect(stranger).toMatchObject({
      ok: false,
      message: `${u.Stranger!.email} cannot read this briefing: share it with them (as commenter or above) first.`,
    });
    const named = await actions.requestClearance(requestInput({ versionId: "some-version" }));
    expect(named).toMatchObject({
      ok: false,
      message: 'versionName names the current text: pass it with versionId "current".',
    });
    expect(await t.db.clearance.count({ where: { briefingId: id } })).toBe(0);
    expect(await t.db.briefingVersion.count({ where: { briefingId: id, kind: "named" } })).toBe(0);
  });

  it("requests clearance of the current text, named on the spot", async () => {
    as("Owner");
    const result = await actions.requestClearance(requestInput());
    if (!result.ok) throw new Error(result.message);
    clearanceId = result.data.id;
    versionId = result.data.version.id;
    expect(result.data).toMatchObject({
      state: "in_clearance",
      mode: "parallel",
      version: { name: "Sent for clearance" },
    });
    const again = await actions.requestClearance(requestInput());
    expect(again).toMatchObject({ ok: false, code: "conflict" });
  });

  it("clearers answer through can(): one concurs with comments, one does not concur; others are refused", async () => {
    as("Viewer");
    expect(await actions.answerClearance({ clearanceId, answer: "concur" })).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "You are not a clearer of this clearance.",
    });
    as("Stranger");
    expect(await actions.answerClearance({ clearanceId, answer: "concur" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    as("Alice");
    expect(await actions.answerClearance({ clearanceId, answer: "concur_with_comments" })).toMatchObject({
      ok: false,
      message: "Concur with comments needs the comments.",
    });
    expect(
      await actions.answerClearance({ clearanceId, answer: "concur_with_comments", comment: "Cite the 2024 summit." }),
    ).toMatchObject({ ok: true });
    as("Bob");
    const bob = await actions.answerClearance({ clearanceId, answer: "non_concur", comment: "Too optimistic." });
    expect(bob).toMatchObject({ ok: true, data: { state: "in_clearance" } });
  });

  it("only the lead finalizes, and over a non-concurrence only with the dissent recorded", async () => {
    as("Alice");
    expect(await actions.finalizeClearance({ clearanceId, dissent: "x" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    as("Owner");
    expect(await actions.finalizeClearance({ clearanceId })).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringMatching(/needs the dissent recorded/),
    });
    const done = await actions.finalizeClearance({
      clearanceId,
      dissent: "The office was consulted; the text stands.",
    });
    expect(done).toMatchObject({ ok: true, data: { state: "cleared", override: true } });
  });

  const session = (query: string, headers?: Headers) =>
    callRoute(sessionExport.GET, "GET", `/api/briefings/${id}/export?${query}`, { headers, params: { id } });

  it("PDF, DOCX, Markdown and HTML print the Clearance page: clearers, answers, comments, override and dissent", async () => {
    const pdf = Buffer.from(await (await session("format=pdf", u.Viewer!.headers)).arrayBuffer());
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const pdfText = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    const files = unzipSync(new Uint8Array(await (await session("format=docx", u.Viewer!.headers)).arrayBuffer()));
    const docxText = [...strFromU8(files["word/document.xml"]!).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join("");
    const md = await (await session("format=md", u.Viewer!.headers)).text();
    const html = await (await session("format=html", u.Viewer!.headers)).text();
    for (const text of [pdfText, docxText, md.replace(/\\/g, ""), html]) {
      expect(text).toContain("Clearance");
      expect(text).toContain("Sent for clearance");
      expect(text).toMatch(/Alice(\*\*|<\/strong>)?: Concur with comments/);
      expect(text).toContain("Cite the 2024 summit.");
      expect(text).toMatch(/Bob(\*\*|<\/strong>)?: Non-concur/);
      expect(text).toContain("Too optimistic.");
      expect(text).toContain("Finalized over dissent by Owner");
      expect(text).toContain("The office was consulted; the text stands.");
    }
    expect(md).toMatch(/\*\*State:\*\* Cleared\n/);
  });

  it("a share link's download prints the text without the Clearance page", async () => {
    const link = (await insertShareLink(t.db, { briefingId: id, createdById: u.Owner!.id })).token;
    const md = await (await session(`format=md&share=${link}`)).text();
    expect(md).toContain("Forward presence stays.");
    expect(md).not.toContain("Too optimistic.");
  });

  it("a version's export prints that version's clearance; a version never cleared prints none", async () => {
    const headers = (await bearer(t.db, u.Viewer!.id, "read")).headers;
    const get = (vid: string) =>
      callRoute(versionExport.GET, "GET", `/api/v1/briefings/${id}/versions/${vid}/export?format=md`, {
        headers,
        params: { id, vid },
      });
    expect(await (await get(versionId)).text()).toContain("Finalized over dissent by Owner");
    const other = await captureVersion(t.db, id, {
      kind: "named",
      name: "Other",
      createdById: u.Owner!.id,
      now: new Date(),
    });
    const md = await (await get(other!.id)).text();
    expect(md).toContain("Forward presence stays.");
    expect(md).not.toContain("Finalized over dissent");
  });

  it("release, then withdraw is refused; the briefing shows Released", async () => {
    as("Owner");
    expect(await actions.releaseClearance({ clearanceId })).toMatchObject({ ok: true, data: { state: "released" } });
    expect(await actions.withdrawClearance({ clearanceId })).toMatchObject({
      ok: false,
      message: "A released clearance cannot be withdrawn.",
    });
    const md = await (await session("format=md", u.Owner!.headers)).text();
    expect(md).toMatch(/\*\*State:\*\* Released\n/);
  });

  it("after an edit, the current text's export says the clearance is stale; the cleared version's does not", async () => {
    expect(await editDocument(t.db, id, (doc) => appendParagraph(doc, "A later sentence."))).toBe(true);
    const md = await (await session("format=md", u.Owner!.headers)).text();
    expect(md).toContain("A later sentence.");
    expect(md).toMatch(/\*\*State:\*\* Cleared, text changed since\n/);
    expect(md).toContain("The text in this file changed after the cleared version.");
    const headers = (await bearer(t.db, u.Viewer!.id, "read")).headers;
    const version = await callRoute(
      versionExport.GET,
      "GET",
      `/api/v1/briefings/${id}/versions/${versionId}/export?format=md`,
      {
        headers,
        params: { id, vid: versionId },
      },
    );
    const cleared = await version.text();
    expect(cleared).not.toContain("A later sentence.");
    expect(cleared).toMatch(/\*\*State:\*\* Released\n/);
  });
});
