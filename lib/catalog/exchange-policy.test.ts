import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { catalogFromCsv, catalogToCsv } from "./csv";
import { CatalogValidationError, exportCatalog, importCatalog } from "./exchange";

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CatalogValidationError) return error.problems;
    throw error;
  }
  throw new Error("expected the import to be refused");
}

const dateDimension = buildDimension({ key: "latest_accession", label: "Latest accession", valueType: "date" });

describe.each(PROVIDERS)("catalog exchange: source policy, precision and status on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("refuses a denylisted source and a home page, naming both, and writes nothing", async () => {
    const file = buildCatalog([
      buildFramework({
        attributes: [
          {
            dimension: "collective_defence_clause",
            value: true,
            sources: [buildSource({ url: "https://grokipedia.com/page/Test_Alliance" }), buildSource()],
          },
        ],
      }),
      buildFramework({
        slug: "other",
        attributes: [
          {
            dimension: "collective_defence_clause",
            value: true,
            sources: [buildSource({ url: "https://www.nato.int/" })],
          },
        ],
      }),
    ]);
    const problems = await problemsOf(importCatalog(t.db, file));
    expect(problems).toEqual([
      'frameworks[0] (test-alliance).attributes[0].sources[0].url: "https://grokipedia.com/page/Test_Alliance" is an AI-generated encyclopedia; grokipedia.com is never an acceptable source.',
      'frameworks[1] (other).attributes[0].sources[0].url: "https://www.nato.int/" is a site\'s home page; cite the page that supports the value.',
    ]);
    expect(await t.db.framework.count()).toBe(0);
  });

  it("defaults a missing source type from the host and refuses an unknown one", async () => {
    const noType = (url: string) => {
      const { type: _type, ...rest } = buildSource({ url });
      return rest;
    };
    await importCatalog(
      t.db,
      buildCatalog([
        buildFramework({
          attributes: [
            {
              dimension: "collective_defence_clause",
              value: true,
              sources: [noType("https://avalon.law.yale.edu/20th_century/x.asp"), noType("https://blog.example/x")],
            },
          ],
        }),
      ]),
    );
    const stored = await t.db.source.findMany({ orderBy: { position: "asc" }, select: { type: true } });
    expect(stored.map((s) => s.type)).toEqual(["legal-text", "reference"]);

    const bad = buildCatalog([
      buildFramework({
        attributes: [
          // @ts-expect-error an unknown type is what the test feeds in
          { dimension: "collective_defence_clause", value: true, sources: [buildSource({ type: "blog" })] },
        ],
      }),
    ]);
    expect(await problemsOf(importCatalog(t.db, bad))).toEqual([
      "frameworks[0] (test-alliance).attributes[0].sources[0].type: must be one of: legal-text, official, research, academic, press, reference",
    ]);
  });

  it("imports a value with no source only when flagged needsSource, and exports the flag", async () => {
    const unflagged = buildCatalog([
      buildFramework({
        slug: "flagged",
        attributes: [{ dimension: "collective_defence_clause", value: true, sources: [] }],
      }),
    ]);
    expect((await problemsOf(importCatalog(t.db, unflagged)))[0]).toMatch(/every value needs at least one source/);
    const flagged = buildCatalog([
      buildFramework({
        slug: "flagged",
        attributes: [{ dimension: "collective_defence_clause", value: true, sources: [], needsSource: true }],
      }),
    ]);
    await importCatalog(t.db, flagged);
    const exported = await exportCatalog(t.db);
    expect(exported.frameworks.find((f) => f.slug === "flagged")?.attributes[0]).toMatchObject({
      sources: [],
      needsSource: true,
    });
  });

  it("round-trips dates of every precision, member statuses and review dates through JSON and CSV", async () => {
    const file = buildCatalog(
      [
        buildFramework({
          slug: "precise",
          founded: "c. 1956",
          inForce: "1957-05",
          ended: null,
          members: [
            { country: "ARM", role: "member", joined: "1994", left: null, status: "frozen", statusSince: "2024-02" },
            { country: "ETH", role: "elected", joined: "2022-04-01", left: "2025-03-31" },
          ],
          attributes: [
            {
              dimension: "latest_accession",
              value: "2007-05",
              asOf: "2026-11-27",
              reviewDue: "2027-05-27",
              sources: [buildSource()],
            },
          ],
        }),
      ],
      [buildDimension(), dateDimension],
    );
    await importCatalog(t.db, file);
    const row = await t.db.framework.findUniqueOrThrow({ where: { slug: "precise" }, include: { members: true } });
    expect([row.founded, row.inForce]).toEqual(["1956~", "1957-05"]);
    expect(row.members.find((m) => m.country === "ARM")).toMatchObject({ status: "frozen", statusSince: "2024-02" });

    const exported = await exportCatalog(t.db);
    const precise = exported.frameworks.find((f) => f.slug === "precise");
    expect(precise?.attributes[0]).toMatchObject({ value: "2007-05", asOf: "2026-11-27", reviewDue: "2027-05-27" });
    const again = await importCatalog(t.db, JSON.parse(JSON.stringify(exported)));
    expect(again.frameworks.updated + again.frameworks.created).toBe(0);
    const viaCsv = await importCatalog(t.db, catalogFromCsv(catalogToCsv(exported), exported));
    expect(viaCsv.frameworks.updated + viaCsv.frameworks.created).toBe(0);
    expect(await exportCatalog(t.db)).toEqual(exported);
  });

  it("still imports the older format: plain YYYY-MM-DD dates and members without a status", async () => {
    await importCatalog(
      t.db,
      buildCatalog([
        buildFramework({
          slug: "old-format",
          founded: "1949-04-04",
          members: [{ country: "FRA", role: "member", joined: "1949-08-24", left: null }],
        }),
      ]),
    );
    const row = await t.db.framework.findUniqueOrThrow({ where: { slug: "old-format" }, include: { members: true } });
    expect(row.founded).toBe("1949-04-04");
    expect(row.members[0]).toMatchObject({ status: "active", statusSince: null });
  });
});
