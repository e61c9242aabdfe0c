import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { importCatalog } from "@/lib/catalog/exchange";
import { parseCsv } from "@/lib/csv";
import { bearer, callRoute } from "@/lib/test/api";
import { signUp, useTestDb } from "@/lib/test/auth";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { revokeApiToken } from "@/lib/tokens/store";

const catalog = buildCatalog(
  [
    buildFramework({
      slug: "north-pact",
      name: "North Pact",
      attributes: [{ dimension: "collective_defence_clause", value: true, note: null, sources: [buildSource()] }],
    }),
    buildFramework({
      slug: "south-forum",
      name: "South Forum",
      attributes: [{ dimension: "collective_defence_clause", value: false, note: null, sources: [buildSource()] }],
    }),
  ],
  [buildDimension()],
);

describe.each(PROVIDERS)("/api/v1 frameworks and compare on %s", (provider) => {
  let t: TestDatabase;
  let read: Headers;
  let revoked: Headers;
  let list: unknown;
  let one: unknown;
  let compare: unknown;
  let compareCsv: unknown;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    useTestDb(t.db);
    await importCatalog(t.db, catalog);
    const user = await signUp(getAuth(t.db), "Reader");
    read = (await bearer(t.db, user.id, "read")).headers;
    const old = await bearer(t.db, user.id, "read", "old");
    await revokeApiToken(t.db, user.id, old.id);
    revoked = old.headers;
    list = (await import("./frameworks/route")).GET;
    one = (await import("./frameworks/[slug]/route")).GET;
    compare = (await import("./compare/route")).GET;
    compareCsv = (await import("./compare.csv/route")).GET;
  });
  afterAll(() => t?.drop());

  it("lists and filters frameworks for a read token", async () => {
    const all = await callRoute(list, "GET", "/api/v1/frameworks", { headers: read });
    expect(all.status).toBe(200);
    const body = await all.json();
    expect(body.count).toBe(2);
    expect(body.frameworks.map((f: { slug: string }) => f.slug).sort()).toEqual(["north-pact", "south-forum"]);
    const filtered = await (await callRoute(list, "GET", "/api/v1/frameworks?q=north", { headers: read })).json();
    expect(filtered.frameworks.map((f: { slug: string }) => f.slug)).toEqual(["north-pact"]);
    const bad = await callRoute(list, "GET", "/api/v1/frameworks?colour=red", { headers: read });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("bad_request");
  });

  it("reads one framework; unknown or malformed slugs are 404", async () => {
    const found = await callRoute(one, "GET", "/api/v1/frameworks/north-pact", {
      headers: read,
      params: { slug: "north-pact" },
    });
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ slug: "north-pact", name: "North Pact" });
    for (const slug of ["no-such-pact", "NOT A SLUG"]) {
      const response = await callRoute(one, "GET", `/api/v1/frameworks/${encodeURIComponent(slug)}`, {
        headers: read,
        params: { slug },
      });
      expect(response.status).toBe(404);
    }
  });

  it("compares as JSON and as CSV holding the same table", async () => {
    const json = await callRoute(compare, "GET", "/api/v1/compare?frameworks=north-pact,south-forum", {
      headers: read,
    });
    expect(json.status).toBe(200);
    const body = await json.json();
    expect(body.frameworks).toEqual(["north-pact", "south-forum"]);
    expect(body.header).toEqual(["Group", "Dimension", "North Pact", "South Forum"]);
    expect(body.rows.length).toBe(1);
    const csv = await callRoute(compareCsv, "GET", "/api/v1/compare.csv?frameworks=north-pact,south-forum", {
      headers: read,
    });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(parseCsv((await csv.text()).replace(/^\uFEFF/, ""))).toEqual([body.header, ...body.rows]);
  });

  it("refuses unknown frameworks and missing parameters with 400 and fields", async () => {
    for (const path of ["/api/v1/compare?frameworks=north-pact,nope", "/api/v1/compare.csv", "/api/v1/compare?x=1"]) {
      const response = await callRoute(path.includes(".csv") ? compareCsv : compare, "GET", path, { headers: read });
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("bad_request");
      expect(Object.keys(error.fields).length).toBeGreaterThan(0);
    }
  });

  it("needs credentials: 401 without, 401 for a revoked token", async () => {
    for (const [handler, path] of [
      [list, "/api/v1/frameworks"],
      [compare, "/api/v1/compare?frameworks=north-pact"],
      [compareCsv, "/api/v1/compare.csv?frameworks=north-pact"],
    ] as const) {
      expect((await callRoute(handler, "GET", path)).status).toBe(401);
      expect((await callRoute(handler, "GET", path, { headers: revoked })).status).toBe(401);
    }
  });
});
