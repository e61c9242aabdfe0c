import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, type TestUser, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { revokeApiToken } from "@/lib/tokens/store";

const MARKDOWN =
  "# Baltic posture\n\nThe **forward** presence, see [NATO](https://www.nato.int/).\n\n| Ally | Troops |\n| --- | --- |\n| A | 1 |";

describe.each(PROVIDERS)("/api/v1/briefings/:id/content and /export on %s", (provider) => {
  let t: TestDatabase;
  let content: typeof import("./route");
  let exporter: typeof import("../export/route");
  let owner: TestUser;
  let outsider: TestUser;
  let read: Headers;
  let id = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    owner = await signUp(getAuth(t.db), "Owner");
    outsider = await signUp(getAuth(t.db), "Outsider");
    const write = (await bearer(t.db, owner.id, "write")).headers;
    read = (await bearer(t.db, owner.id, "read")).headers;
    const create = (await import("../../route")).POST;
    const created = await callRoute(create, "POST", "/api/v1/briefings", {
      headers: write,
      json: { title: "Posture", markdown: MARKDOWN },
    });
    ({ id } = await created.json());
    content = await import("./route");
    exporter = await import("../export/route");
  });
  afterAll(() => t?.drop());

  const getContent = (query: string, headers = read, briefing = id) =>
    callRoute(content.GET, "GET", `/api/v1/briefings/${briefing}/content?${query}`, {
      headers,
      params: { id: briefing },
    });
  const getExport = (query: string, headers = read, briefing = id) =>
    callRoute(exporter.GET, "GET", `/api/v1/briefings/${briefing}/export?${query}`, {
      headers,
      params: { id: briefing },
    });

  it("reads the imported Markdown back as JSON, text, Markdown and HTML", async () => {
    const json = await getContent("format=json");
    expect(json.status).toBe(200);
    const body = await json.json();
    expect(body.id).toBe(id);
    expect(body.content.content.map((n: { type: string }) => n.type)).toEqual(["heading", "paragraph", "table"]);
    const text = await (await getContent("format=text")).text();
    expect(text).toContain("Baltic posture");
    expect(text).toContain("The forward presence, see NATO.");
    const md = await getContent("format=md");
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const mdText = await md.text();
    expect(mdText).toContain("**forward**");
    expect(mdText).toContain("[NATO](https://www.nato.int/)");
    const html = await getContent("format=html");
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("content-security-policy")).toContain("sandbox");
    expect(await html.text()).toContain("<strong>forward</strong>");
  });

  it("serves every export format as a download", async () => {
    const magic: Record<string, string> = { pdf: "%PDF-", docx: "PK", md: "", html: "<!doctype html>" };
    for (const [format, start] of Object.entries(magic)) {
      const response = await getExport(`format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toContain(`filename="Posture.${format}"`);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, start.length).toString("latin1")).toBe(start);
    }
  });

  it("refuses unknown formats with 400 naming the field", async () => {
    for (const response of [await getContent("format=exe"), await getContent(""), await getExport("format=txt")]) {
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toMatchObject({ code: "bad_request", fields: { format: [expect.any(String)] } });
    }
  });

  it("answers 401 without or with a revoked token, 404 for briefings the caller cannot read", async () => {
    expect((await getContent("format=json", new Headers())).status).toBe(401);
    const revoked = await bearer(t.db, owner.id, "read", "gone");
    await revokeApiToken(t.db, owner.id, revoked.id);
    expect((await getExport("format=md", revoked.headers)).status).toBe(401);
    const stranger = (await bearer(t.db, outsider.id, "write")).headers;
    for (const response of [
      await getContent("format=json", stranger),
      await getExport("format=pdf", stranger),
      await getContent("format=json", read, "missing"),
    ]) {
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
  });
});
