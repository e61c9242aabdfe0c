import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { importCatalog } from "./exchange";
import { getCatalogFacets, getFramework, listFrameworks } from "./queries";

const catalog = buildCatalog(
  [
    buildFramework({
      slug: "north-pact",
      name: "North Pact",
      acronym: "NP",
      members: [
        { country: "NOR", role: "member", joined: "1950-01-01", left: null },
        { country: "JPN", role: "partner", joined: "2000-01-01", left: null },
        { country: "FRA", role: "member", joined: "1950-01-01", left: "1966-07-01" },
      ],
      attributes: [
        {
          dimension: "decision_rule",
          value: "consensus",
          note: "All decisions by consensus.",
          sources: [buildSource({ title: "Rules", url: "https://example.org/rules" })],
        },
        { dimension: "collective_defence_clause", value: true, note: null, sources: [buildSource()] },
      ],
    }),
    buildFramework({
      slug: "old-league",
      name: "Old League",
      acronym: null,
      kind: "regional-security-forum",
      region: "indo-pacific",
      status: "defunct",
      ended: "1977-06-30",
      members: [
        { country: "THA", role: "member", joined: "1955-01-01", left: "1977-06-30" },
        { country: "PAK", role: "member", joined: "1955-01-01", left: "1973-11-07" },
      ],
      attributes: [],
    }),
  ],
  [
    buildDimension(),
    buildDimension({
      key: "decision_rule",
      label: "Decision rule",
      group: "Governance",
      valueType: "enum",
      options: ["consensus", "majority"],
    }),
  ],
);

describe.each(PROVIDERS)("catalog queries on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await importCatalog(t.db, catalog);
  });
  afterAll(async () => {
    await t.drop();
  });

  const slugs = async (filters: Parameters<typeof listFrameworks>[1]) =>
    (await listFrameworks(t.db, filters)).map((f) => f.slug);

  it("searches name and acronym case-insensitively, and member countries by name", async () => {
    expect(await slugs({ q: "NORTH" })).toEqual(["north-pact"]);
    expect(await slugs({ q: "np" })).toEqual(["north-pact"]);
    expect(await slugs({ q: "thailand" })).toEqual(["old-league"]);
    expect(await slugs({ q: "japan" })).toEqual(["north-pact"]);
    expect(await slugs({ q: "nothing like this" })).toEqual([]);
  });

  it("filters by kind, region, status and country", async () => {
    expect(await slugs({ kind: "regional-security-forum" })).toEqual(["old-league"]);
    expect(await slugs({ region: "europe" })).toEqual(["north-pact"]);
    expect(await slugs({ status: "defunct" })).toEqual(["old-league"]);
    expect(await slugs({ country: "PAK" })).toEqual(["old-league"]);
    expect(await slugs({ status: "active", country: "PAK" })).toEqual([]);
  });

  it("counts current members, and members at the end for a defunct framework", async () => {
    const list = await listFrameworks(t.db);
    expect(list.find((f) => f.slug === "north-pact")?.memberCount).toBe(1);
    expect(list.find((f) => f.slug === "old-league")?.memberCount).toBe(1);
  });

  it("returns a framework with members and grouped, cited values", async () => {
    const f = await getFramework(t.db, "north-pact");
    expect(f?.members.map((m) => m.countryName)).toEqual(["Norway", "Japan", "France"]);
    expect(f?.groups.map((g) => g.group)).toEqual(["Commitments", "Governance"]);
    const rule = f?.groups[1]?.attributes[0];
    expect(rule).toMatchObject({
      key: "decision_rule",
      value: "consensus",
      display: "Consensus",
      note: "All decisions by consensus.",
    });
    expect(rule?.sources).toEqual([
      {
        title: "Rules",
        url: "https://example.org/rules",
        publisher: "Example Ministry",
        accessed: "2026-11-27",
        type: "official",
      },
    ]);
    expect(await getFramework(t.db, "missing")).toBeNull();
  });

  it("counts facets", async () => {
    const facets = await getCatalogFacets(t.db);
    expect(facets.total).toBe(2);
    expect(facets.statuses.find((s) => s.value === "defunct")?.count).toBe(1);
    expect(facets.countries.map((c) => c.value)).toEqual(["FRA", "JPN", "NOR", "PAK", "THA"]);
  });
});
