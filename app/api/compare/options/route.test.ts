import { describe, expect, it } from "vitest";
import { importCatalog } from "@/lib/catalog/exchange";
import { buildCatalog, buildDimension, buildFramework } from "@/lib/test/fixtures";
import { routeTestDatabase } from "@/lib/test/route-database";
import { GET } from "./route";

describe("GET /api/compare/options", () => {
  const database = routeTestDatabase((db) =>
    importCatalog(
      db,
      buildCatalog(
        [
          buildFramework({
            slug: "south-forum",
            name: "South Forum",
            acronym: "SF",
            status: "defunct",
            ended: "1990-01-01",
          }),
          buildFramework({ slug: "north-pact", name: "North Pact", acronym: null }),
        ],
        [buildDimension()],
      ),
    ),
  );

  const get = (query: string) => GET(new Request(`http://localhost/api/compare/options${query}`));

  it("lists every framework by name, cacheable for good at the current catalog version only", async () => {
    const first = await get("");
    expect(first.headers.get("Cache-Control")).toBe("no-cache");
    const version = Number(first.headers.get("X-Catalog-Version"));
    expect(await first.json()).toEqual([
      { slug: "north-pact", name: "North Pact", acronym: null, status: "active" },
      { slug: "south-forum", name: "South Forum", acronym: "SF", status: "defunct" },
    ]);
    expect((await get(`?v=${version}`)).headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    await database.t.db.framework.update({ where: { slug: "north-pact" }, data: { name: "North Pact Organization" } });
    const stale = await get(`?v=${version}`);
    expect(stale.headers.get("Cache-Control")).toBe("no-cache");
    expect(((await stale.json()) as { name: string }[])[0]?.name).toBe("North Pact Organization");
  });

  it.each(["?v=x", "?v=1&q=nato"])("refuses %s with a readable 400", async (query) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "Use ?v=<catalog version> and nothing else.",
    );
  });
});
