// GET /api/v1/catalog/changes and the Atom feed /frameworks/changes/feed.atom on both databases:
// newest first, cursor paging, the framework filter, old -> new with sources, bad input (400),
// no credentials (401 for the API; the feed is public like the catalog).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildFramework, buildSource } from "@/lib/test/fixtures";
import { request } from "@/lib/test/next-request";

const { createAuth } = await import("@/lib/auth/auth");
const actions = await import("@/lib/catalog/actions");
const { importCatalog } = await import("@/lib/catalog/exchange");

describe.each(PROVIDERS)("catalog change feed on %s", (provider) => {
  let t: TestDatabase;
  let read: Headers;
  let api: unknown;
  let atom: unknown;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    const editor = await signUp(createAuth(t.db), "Editor");
    await t.db.user.update({ where: { id: editor.id }, data: { name: "Editor <&>" } });
    read = (await bearer(t.db, editor.id, "read")).headers;
    await importCatalog(
      t.db,
      buildCatalog([
        buildFramework({ slug: "north-pact", name: "North Pact" }),
        buildFramework({ slug: "south-forum" }),
      ]),
    );
    request.headers = editor.headers;
    for (const [slug, value, title] of [
      ["north-pact", false, "First source"],
      ["south-forum", false, "Second source"],
      ["north-pact", true, "Third source"],
    ] as const) {
      const result = await actions.setAttributeValue({
        slug,
        dimension: "collective_defence_clause",
        value,
        note: null,
        sources: [buildSource({ title, url: `https://example.org/${title.replace(" ", "-")}` })],
      });
      expect(result.ok).toBe(true);
    }
    api = (await import("./route")).GET;
    atom = (await import("@/app/frameworks/changes/feed.atom/route")).GET;
  });
  afterAll(() => t?.drop());

  const get = (query = "", headers = read) => callRoute(api, "GET", `/api/v1/catalog/changes${query}`, { headers });

  it("lists changes newest first with old and new values and their sources, a page at a time", async () => {
    const first = await get("?limit=2");
    expect(first.status).toBe(200);
    const page = await first.json();
    expect(page.changes).toHaveLength(2);
    expect(page.changes[0]).toMatchObject({
      frameworkSlug: "north-pact",
      frameworkName: "North Pact",
      entity: "attribute",
      entityKey: "collective_defence_clause",
      action: "update",
      verb: "changed",
      what: "Collective-defence clause",
      before: "No",
      after: "Yes",
      beforeSources: [{ title: "First source" }],
      afterSources: [{ title: "Third source", url: "https://example.org/Third-source" }],
      changedBy: "Editor <&>",
      href: "/frameworks/north-pact#history-heading",
    });
    expect(page.changes[0].afterValue).toMatchObject({ value: "true" });
    expect(page.changes[1]).toMatchObject({ frameworkSlug: "south-forum", after: "No" });
    const rest = await (await get(`?limit=2&cursor=${page.nextCursor}`)).json();
    expect(rest.changes[0]).toMatchObject({ frameworkSlug: "north-pact", before: "Yes", after: "No" });
    expect(rest.nextCursor).toBeNull();
    const all = await (await get("?limit=100")).json();
    expect(all.changes.map((c: { id: string }) => c.id)).toEqual([...page.changes, ...rest.changes].map((c) => c.id));
  });

  it("filters by framework", async () => {
    const page = await (await get("?framework=south-forum")).json();
    expect(page.changes.map((c: { frameworkSlug: string }) => c.frameworkSlug)).toEqual(["south-forum"]);
  });

  it("answers bad input with 400 and no credentials with 401", async () => {
    for (const query of ["?limit=0", "?limit=101", "?framework=Not%20A%20Slug", "?other=1", "?limit=x"]) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    }
    expect((await get("", new Headers())).status).toBe(401);
  });

  it("serves the same changes as an Atom feed, escaped, without credentials", async () => {
    const response = await callRoute(atom, "GET", "/frameworks/changes/feed.atom?framework=north-pact");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    const entries = xml.split("<entry>").slice(1);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain("<title>North Pact: changed Collective-defence clause</title>");
    expect(entries[0]).toContain("<name>Editor &lt;&amp;&gt;</name>");
    expect(entries[0]).toContain("No → Yes. Old sources: First source &lt;https://example.org/First-source&gt;.");
    expect(xml).not.toContain("south-forum");
    const bad = await callRoute(atom, "GET", "/frameworks/changes/feed.atom?limit=1000");
    expect(bad.status).toBe(400);
  });
});
