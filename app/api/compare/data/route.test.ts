import { afterAll, describe, expect, it } from "vitest";
import { importCatalog } from "@/lib/catalog/exchange";
import { clearCachedMatrices } from "@/lib/matrix/data-cache";
import { unpackMatrixData } from "@/lib/matrix/payload";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { routeTestDatabase } from "@/lib/test/route-database";
import { GET } from "./route";

const catalog = buildCatalog(
  [
    buildFramework({
      slug: "north-pact",
      name: "North Pact",
      attributes: [{ dimension: "collective_defence_clause", value: true, note: null, sources: [buildSource()] }],
    }),
    buildFramework({ slug: "south-forum", name: "South Forum", region: "africa" }),
  ],
  [buildDimension()],
);

describe("GET /api/compare/data", () => {
  const database = routeTestDatabase((db) => importCatalog(db, catalog));
  afterAll(() => clearCachedMatrices());

  const get = (query: string) => GET(new Request(`http://localhost/api/compare/data${query}`));
  const version = async () => Number((await get("?fw=north-pact")).headers.get("X-Catalog-Version"));

  it("answers the packed data of a selection, cacheable for good at the current version", async () => {
    const v = await version();
    const response = await get(`?v=${v}&fw=south-forum,north-pact`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const data = unpackMatrixData(await response.text());
    // The data of the selection; column order is the view's business (one entry for every order).
    expect(data.frameworks.map((f) => f.slug)).toEqual(["north-pact", "south-forum"]);
    expect(data.values).toEqual(["true", "true"]); // the fixture framework holds the default clause value
    const scoped = unpackMatrixData(await (await get(`?v=${v}&all=1&region=africa`)).text());
    expect(scoped.frameworks.map((f) => f.slug)).toEqual(["south-forum"]);
  });

  it("without a version, or at a superseded one, answers the current data uncached", async () => {
    const old = await version();
    await database.t.db.dimension.updateMany({ data: { description: "Changed." } });
    expect(await version()).toBeGreaterThan(old);
    clearCachedMatrices(); // as on another instance, which never held the old version
    for (const query of [`?v=${old}&fw=north-pact`, "?fw=north-pact"]) {
      const response = await get(query);
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("no-cache");
      expect(unpackMatrixData(await response.text()).dimensions[0]?.description).toBe("Changed.");
    }
  });

  it.each([
    ["?fw=north-pact&transpose=1", "Unknown parameter(s): transpose."],
    ["?v=abc&fw=north-pact", "“v” must be a catalog version number."],
    ["?v=-3&fw=north-pact", "“v” must be a catalog version number."],
    ["?fw=North%20Pact!", "Invalid selection."],
    ["?all=1&region=atlantis", "Invalid selection."],
  ])("refuses %s with a readable 400", async (query, message) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; details?: { message: string }[] } };
    expect(body.error.message).toBe(message);
    if (message === "Invalid selection.") expect(body.error.details?.[0]?.message).toMatch(/ignored|not understood/i);
  });
});
