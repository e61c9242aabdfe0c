import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { catalogFromCsv, catalogToCsv } from "./csv";
import { CatalogValidationError, exportCatalog, importCatalog } from "./exchange";
import { loadSeedCatalog, seedCatalog } from "./seed";

const seedFiles = fs
  .readdirSync(path.join("prisma", "seed", "catalog", "frameworks"))
  .filter((f) => f.endsWith(".json"));

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CatalogValidationError) return error.problems;
    throw error;
  }
  throw new Error("expected the import to be refused");
}

describe.each(PROVIDERS)("catalog exchange on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("seeds every framework file, then seeding again changes nothing", async () => {
    const first = await seedCatalog(t.db);
    expect(first.frameworks.created).toBe(seedFiles.length);
    expect(first.dimensions.created).toBe(loadSeedCatalog().dimensions.length);
    const second = await seedCatalog(t.db);
    expect(second.frameworks).toEqual({ created: 0, updated: 0, unchanged: seedFiles.length });
    expect(second.dimensions.created + second.dimensions.updated).toBe(0);
  });

  it("round-trips: export then import is a no-op", async () => {
    const exported = await exportCatalog(t.db);
    expect(exported.frameworks).toHaveLength(seedFiles.length);
    const report = await importCatalog(t.db, JSON.parse(JSON.stringify(exported)));
    expect(report.frameworks).toEqual({ created: 0, updated: 0, unchanged: seedFiles.length });
    expect(await exportCatalog(t.db)).toEqual(exported);
  });

  it("round-trips the analysts' dimensions (enum, number, quoted text) with their sources", async () => {
    const exported = await exportCatalog(t.db);
    const keys = exported.dimensions.map((d) => d.key);
    for (const key of [
      "defence_clause_strength",
      "defence_clause_text",
      "defence_spending_target",
      "un_charter_relation",
    ])
      expect(keys, key).toContain(key);
    const nato = exported.frameworks.find((f) => f.slug === "nato")!;
    const value = (dimension: string) => nato.attributes.find((a) => a.dimension === dimension);
    expect(value("defence_clause_strength")).toMatchObject({ value: "as-it-deems-necessary" });
    expect(value("defence_spending_target")).toMatchObject({ value: 5, sources: [{ type: "press" }] });
    expect(value("defence_clause_text")?.value).toMatch(/^Article 5: "The Parties agree that an armed attack/);
    expect(value("un_charter_relation")?.sources[0]).toMatchObject({ type: "official" });
    const report = await importCatalog(t.db, JSON.parse(JSON.stringify(exported)));
    expect(report.frameworks.unchanged).toBe(seedFiles.length);
    expect(await exportCatalog(t.db)).toEqual(exported);
  });

  it("round-trips frameworks and members through CSV", async () => {
    const exported = await exportCatalog(t.db);
    const report = await importCatalog(t.db, catalogFromCsv(catalogToCsv(exported), exported));
    expect(report.frameworks).toEqual({ created: 0, updated: 0, unchanged: seedFiles.length });
  });

  it("every seeded value carries a source or is flagged needsSource, and each framework at least 8 values", async () => {
    const exported = await exportCatalog(t.db);
    for (const f of exported.frameworks) {
      expect(f.attributes.length, f.slug).toBeGreaterThanOrEqual(8);
      for (const a of f.attributes)
        expect(a.sources.length > 0 || a.needsSource === true, `${f.slug}.${a.dimension}`).toBe(true);
    }
  });

  it("refuses a bad file, lists every problem and writes nothing", async () => {
    const before = await exportCatalog(t.db);
    const bad = buildCatalog(
      [
        buildFramework({
          slug: "new-one",
          summary: "should never be written",
          members: [
            { country: "XYZ", role: "member", joined: "2001-13-01", left: null },
            { country: "FRA", role: "member", joined: "2010-01-01", left: "2005-01-01" },
          ],
          attributes: [
            { dimension: "collective_defence_clause", value: "yes", note: null, sources: [buildSource()] },
            { dimension: "no_such_dimension", value: true, note: null, sources: [buildSource()] },
          ],
        }),
        buildFramework({
          slug: "nato",
          name: "Changed name",
          attributes: [{ dimension: "collective_defence_clause", value: true, note: null, sources: [] }],
        }),
      ],
      [buildDimension()],
    );
    const problems = await problemsOf(importCatalog(t.db, bad));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/frameworks\[0\] \(new-one\)\.members\[0\]\.country: "XYZ" is not an ISO/),
        expect.stringMatching(
          /frameworks\[0\] \(new-one\)\.members\[0\]\.joined: must be a date written YYYY-MM-DD, YYYY-MM or YYYY/,
        ),
        expect.stringMatching(/members\[1\]\.left: left is before joined/),
        expect.stringMatching(
          /frameworks\[1\] \(nato\)\.attributes\[0\]\.sources: every value needs at least one source/,
        ),
      ]),
    );
    expect(await exportCatalog(t.db)).toEqual(before);

    // Problems only visible across rows are reported together too.
    const crossProblems = await problemsOf(
      importCatalog(
        t.db,
        buildCatalog([
          buildFramework({
            attributes: [
              { dimension: "collective_defence_clause", value: "yes", note: null, sources: [buildSource()] },
              { dimension: "no_such_dimension", value: true, note: null, sources: [buildSource()] },
            ],
          }),
          buildFramework(),
        ]),
      ),
    );
    expect(crossProblems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/attributes\[0\]\.value \(collective_defence_clause\): must be true or false/),
        expect.stringMatching(/attributes\[1\]\.dimension: unknown dimension "no_such_dimension"/),
        expect.stringMatching(/frameworks\[1\] \(test-alliance\)\.slug: "test-alliance" appears twice/),
      ]),
    );
    expect(await exportCatalog(t.db)).toEqual(before);
    expect(await t.db.framework.findUnique({ where: { slug: "test-alliance" } })).toBeNull();
  });

  it("refuses a CSV row with a malformed members entry", () => {
    const csv =
      "slug,name,acronym,kind,region,status,founded,inForce,ended,headquarters,legalBasis,summary,members\r\n" +
      "x,X,,collective-defence-alliance,europe,active,,,,,,Summary,FRA-member\r\n";
    expect(() => catalogFromCsv(csv, { version: 1, dimensions: [], frameworks: [] })).toThrow(/row 2, members entry 1/);
  });

  it("updates only the frameworks that changed", async () => {
    const exported = await exportCatalog(t.db);
    const nato = exported.frameworks.find((f) => f.slug === "nato") ?? exported.frameworks[0]!;
    const report = await importCatalog(t.db, {
      version: 1,
      frameworks: [{ ...nato, summary: `${nato.summary} Edited.` }],
    });
    expect(report.frameworks).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const after = await exportCatalog(t.db);
    expect(after.frameworks.find((f) => f.slug === nato.slug)?.summary).toMatch(/Edited\.$/);
    expect(after.frameworks.filter((f) => f.slug !== nato.slug)).toEqual(
      exported.frameworks.filter((f) => f.slug !== nato.slug),
    );
  });
});
