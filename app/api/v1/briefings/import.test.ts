import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { bearer } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { redlinedWordFile, wordFile } from "@/lib/test/word-file";

type Upload = { name: string; bytes: Uint8Array | string; title?: string; trackedChanges?: string };

describe.each(PROVIDERS)("POST /api/v1/briefings with a file on %s", (provider) => {
  let t: TestDatabase;
  let routes: typeof import("./route");
  let owner: TestUser;
  let write: Headers;
  let read: Headers;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    owner = await signUp(getAuth(t.db), "Importer");
    write = (await bearer(t.db, owner.id, "write")).headers;
    read = (await bearer(t.db, owner.id, "read")).headers;
    routes = await import("./route");
  });
  afterAll(() => t?.drop());

  /** Posts a multipart form the way a browser or curl does: with its boundary and Content-Length. */
  async function upload(file: Upload, headers: Headers, extra: Record<string, string> = {}) {
    const form = new FormData();
    form.set("file", new File([typeof file.bytes === "string" ? file.bytes : Buffer.from(file.bytes)], file.name));
    if (file.title !== undefined) form.set("title", file.title);
    if (file.trackedChanges !== undefined) form.set("trackedChanges", file.trackedChanges);
    const encoded = new Request("http://localhost/", { method: "POST", body: form });
    const body = new Uint8Array(await encoded.arrayBuffer());
    const sent = new Headers(headers);
    sent.set("content-type", encoded.headers.get("content-type") ?? "");
    sent.set("content-length", String(body.length));
    for (const [key, value] of Object.entries(extra)) sent.set(key, value);
    return routes.POST(new Request("http://localhost/api/v1/briefings", { method: "POST", headers: sent, body }));
  }

  it("creates a briefing from a Word file, reports what was left out and audits the token", async () => {
    const response = await upload({ name: "AUKUS options v2.docx", bytes: await wordFile() }, write);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      title: "AUKUS options v2",
      role: "owner",
      import: { notices: ["1 image was left out: briefings hold no images."] },
    });
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id: body.id } });
    expect(JSON.parse(row.contentJson ?? "{}").content[0]).toEqual({
      type: "heading",
      attrs: { level: 1, portion: null },
      content: [{ type: "text", text: "Options for AUKUS Pillar II" }],
    });
    expect(row.contentText).toContain("Step one");
    expect(row.yState?.length).toBeGreaterThan(0);
    const audit = await t.db.apiAudit.findMany({ where: { target: body.id } });
    expect(audit).toMatchObject([{ userId: owner.id, tokenName: "write token", action: "briefing.import" }]);
  });

  it("keeps a Word file's tracked changes as suggestions by default, or rejects them all when asked", async () => {
    const bytes = await redlinedWordFile();
    const kept = await upload({ name: "redlined.docx", bytes }, write);
    expect(kept.status).toBe(201);
    const keptBody = await kept.json();
    expect(keptBody.import.notices[0]).toMatch(/became 1 suggestion by Ann Analyst/);
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id: keptBody.id } });
    expect(JSON.parse(row.contentJson ?? "{}").content[0].content).toEqual([
      { type: "text", text: "The budget is " },
      {
        type: "text",
        text: "10",
        marks: [
          {
            type: "deletion",
            attrs: expect.objectContaining({ authorId: "word:Ann Analyst", authorName: "Ann Analyst" }),
          },
        ],
      },
      {
        type: "text",
        text: "12",
        marks: [{ type: "insertion", attrs: expect.objectContaining({ at: "2026-12-05T08:00:00.000Z" }) }],
      },
      { type: "text", text: " million." },
    ]);
    const rejected = await upload({ name: "redlined.docx", bytes, trackedChanges: "reject" }, write);
    const rejectedBody = await rejected.json();
    expect(rejectedBody.import.notices).toEqual([
      "This file had 2 tracked changes; all were rejected as the import asked.",
    ]);
    const rejectedRow = await t.db.briefing.findUniqueOrThrow({ where: { id: rejectedBody.id } });
    expect(rejectedRow.contentText).toContain("The budget is 10 million.");
  });

  it("imports Markdown from this site's own page with the session cookie, under the given title", async () => {
    const response = await upload(
      { name: "notes.md", bytes: "# Five Eyes\n\nSharing **scope**.", title: "Five Eyes notes" },
      owner.headers,
      { "sec-fetch-site": "same-origin" },
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ title: "Five Eyes notes", import: { notices: [] } });
    const row = await t.db.briefing.findUniqueOrThrow({ where: { id: body.id } });
    expect(row.contentText).toContain("Sharing scope.");
  });

  it("refuses bad files, cross-site cookie uploads and read tokens, and creates nothing", async () => {
    const before = await t.db.briefing.count();
    const cases: [Upload, Headers, Record<string, string>, number, RegExp][] = [
      [{ name: "brief.docx", bytes: "not a zip" }, write, {}, 400, /not a Word document/],
      [{ name: "brief.pdf", bytes: "%PDF-1.7" }, write, {}, 400, /Word \(\.docx\) or Markdown/],
      [{ name: "empty.md", bytes: "" }, write, {}, 400, /empty/],
      [{ name: "latin1.md", bytes: new Uint8Array([0x43, 0x61, 0x66, 0xe9]) }, write, {}, 400, /UTF-8/],
      [
        { name: "notes.md", bytes: "# Hi" },
        owner.headers,
        { "sec-fetch-site": "cross-site" },
        403,
        /this site's pages/,
      ],
      [{ name: "notes.md", bytes: "# Hi" }, owner.headers, {}, 403, /this site's pages/],
      [{ name: "notes.md", bytes: "# Hi" }, read, {}, 403, /permission/],
      [{ name: "notes.md", bytes: "# Hi" }, new Headers(), {}, 401, /Sign in/],
      [{ name: "notes.md", bytes: "# Hi", title: "x".repeat(201) }, write, {}, 400, /title/],
      [{ name: "notes.md", bytes: "# Hi", trackedChanges: "merge" }, write, {}, 400, /trackedChanges/],
    ];
    for (const [file, headers, extra, status, message] of cases) {
      const response = await upload(file, headers, extra);
      expect({ name: file.name, status: response.status }).toEqual({ name: file.name, status });
      expect((await response.json()).error.message).toMatch(message);
    }
    // A declared size over the limit is refused before the body is read.
    const big = new Headers(write);
    big.set("content-type", "multipart/form-data; boundary=x");
    big.set("content-length", String(11 * 1024 * 1024));
    const tooBig = await routes.POST(
      new Request("http://localhost/api/v1/briefings", { method: "POST", headers: big, body: "--x--" }),
    );
    expect(tooBig.status).toBe(413);
    expect(await t.db.briefing.count()).toBe(before);
  });
});
