// The catalog_sources_policy_precision migration types sources stored before types existed from
// their host. Its UPDATE runs here on rows reset to the column default, on both databases.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildFramework, buildSource } from "@/lib/test/fixtures";
import { importCatalog } from "./exchange";

const MIGRATION = "20261205015729_catalog_sources_policy_precision";

function typingUpdate(provider: string): string {
  const file = path.join(
    "prisma",
    "migrations",
    provider === "sqlite" ? "sqlite" : "postgres",
    MIGRATION,
    "migration.sql",
  );
  const sql = fs.readFileSync(file, "utf8");
  return sql.slice(sql.indexOf('UPDATE "Source"'));
}

describe.each(PROVIDERS)("typing stored sources on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("derives the type from the host where obvious and leaves the rest as reference", async () => {
    const urls = {
      "https://avalon.law.yale.edu/20th_century/nato.asp": "legal-text",
      "https://www.nato.int/cps/en/natohq/topics_52044.htm": "official",
      "https://www.mofa.go.jp/region/n-america/us/q&a/ref/1.html": "official",
      "https://commonslibrary.parliament.uk/research-briefings/cbp-1/": "research",
      "https://www.reuters.com/world/europe/x-2024-02-23/": "press",
      "https://en.wikipedia.org/wiki/NATO": "reference",
      "https://caliber.az/en/post/x": "reference",
    };
    await importCatalog(
      t.db,
      buildCatalog([
        buildFramework({
          attributes: [
            {
              dimension: "collective_defence_clause",
              value: true,
              sources: Object.keys(urls).map((url) => buildSource({ url, type: "press" })),
            },
          ],
        }),
      ]),
    );
    await t.db.source.updateMany({ data: { type: "reference" } });
    await t.db.$executeRawUnsafe(typingUpdate(provider));
    const rows = await t.db.source.findMany({ select: { url: true, type: true } });
    expect(Object.fromEntries(rows.map((r) => [r.url, r.type]))).toEqual(urls);
  });
});
