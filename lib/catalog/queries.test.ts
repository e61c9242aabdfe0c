import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { importCatalog } from "./exchange";
import { getCatalogFacets, getFramework, listFrameworks, listFrameworksPage } from "./queries";
import { catalogPagingSchema } from "./schema";

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

  it("reads the facets once per catalog version: again only after a catalog write", async () => {
    const first = await getCatalogFacets(t.db);
    expect(await getCatalogFacets(t.db)).toBe(first);
    const league = await t.db.framework.findUniqueOrThrow({ where: { slug: "old-league" } });
    await t.db.membership.create({
      data: { frameworkId: league.id, country: "GBR", role: "member", joined: "1955-01-01", position: 9 },
    });
    try {
      const after = await getCatalogFacets(t.db);
      expect(after).not.toBe(first);
      expect(after.countries.map((c) => c.value)).toEqual(["FRA", "JPN", "NOR", "PAK", "THA", "GBR"]);
    } finally {
      await t.db.membership.deleteMany({ where: { frameworkId: league.id, country: "GBR" } });
    }
  });
});

// 60 frameworks, two of them sharing a name (the slug orders them), 30 in Africa.
const many = buildCatalog(
  Array.from({ length: 60 }, (_, i) =>
    buildFramework({
      slug: `fw-${String(i).padStart(2, "0")}`,
      name: i === 59 ? "Framework 58" : `Framework ${String(i).padStart(2, "0")}`,
      acronym: null,
      region: i % 2 ? "africa" : "europe",
    }),
  ),
  [buildDimension()],
);

describe.each(PROVIDERS)("catalog pages on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await importCatalog(t.db, many);
  });
  afterAll(async () => {
    await t.drop();
  });

  const page = (filters: Parameters<typeof listFrameworksPage>[1], page: number, per: number) =>
    listFrameworksPage(t.db, filters, { page, per });

  it("splits the list into pages in name order, each framework on exactly one page", async () => {
    const all = (await listFrameworks(t.db)).map((f) => f.slug);
    const pages = await Promise.all([1, 2, 3].map((n) => page({}, n, 25)));
    expect(pages.map((p) => [p.page, p.pages, p.total, p.frameworks.length])).toEqual([
      [1, 3, 60, 25],
      [2, 3, 60, 25],
      [3, 3, 60, 10],
    ]);
    expect(pages.flatMap((p) => p.frameworks.map((f) => f.slug))).toEqual(all);
    // Equal names: the slug decides, so the two never swap between pages.
    expect(all.slice(-2)).toEqual(["fw-58", "fw-59"]);
  });

  it("pages the filtered list, and shows the last page when asked past the end", async () => {
    const africa = await page({ region: "africa" }, 2, 25);
    expect([africa.total, africa.pages, africa.frameworks.length]).toEqual([30, 2, 5]);
    expect(africa.frameworks.every((f) => f.region === "africa")).toBe(true);
    const past = await page({}, 99, 50);
    expect([past.page, past.pages, past.frameworks.map((f) => f.slug)]).toEqual([
      2,
      2,
      ["fw-50", "fw-51", "fw-52", "fw-53", "fw-54", "fw-55", "fw-56", "fw-57", "fw-58", "fw-59"],
    ]);
    const none = await page({ q: "no such framework" }, 3, 25);
    expect([none.total, none.page, none.pages, none.frameworks]).toEqual([0, 1, 1, []]);
  });
});

describe("catalog paging parameters", () => {
  it("defaults to the first page of 100, and refuses other sizes and bad pages", () => {
    expect(catalogPagingSchema.parse({})).toEqual({ page: 1, per: 100 });
    expect(catalogPagingSchema.parse({ page: "3", per: "25" })).toEqual({ page: 3, per: 25 });
    expect(catalogPagingSchema.parse({ page: "", per: "" })).toEqual({ page: 1, per: 100 });
    for (const bad of [{ page: "0" }, { page: "-1" }, { page: "2.5" }, { page: "x" }, { per: "30" }, { per: "1e9" }])
      expect(catalogPagingSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
