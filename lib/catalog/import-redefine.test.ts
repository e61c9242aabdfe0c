import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";
import { listCatalogChanges } from "./audit";
import { CatalogValidationError, exportCatalog, importCatalog } from "./exchange";

const decisionRule = (options: string[], valueType: "enum" | "boolean" | "text" = "enum") =>
  buildDimension({
    key: "decision_rule",
    label: "Decision rule",
    valueType,
    options: valueType === "enum" ? options : [],
  });
const rule = (value: string | boolean) => ({ dimension: "decision_rule", value, note: null, sources: [buildSource()] });
const origin = { importedBy: "catalog:import", file: "redefine.json" };

async function refusal(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CatalogValidationError) return error.problems;
    throw error;
  }
  throw new Error("expected the import to be refused");
}

describe.each(PROVIDERS)("importing a redefined dimension on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await importCatalog(
      t.db,
      buildCatalog(
        [
          buildFramework({ slug: "nato", name: "NATO", attributes: [rule("consensus")] }),
          buildFramework({ slug: "eu", name: "EU", attributes: [rule("qualified-majority")] }),
          buildFramework({ slug: "quad", name: "Quad", attributes: [] }),
        ],
        [decisionRule(["consensus", "qualified-majority", "majority"])],
      ),
    );
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("refuses a file that only retypes the dimension, listing every stored value it would reinterpret", async () => {
    const before = await exportCatalog(t.db);
    const problems = await refusal(importCatalog(t.db, buildCatalog([], [decisionRule([], "boolean")]), origin));
    expect(problems).toEqual([
      expect.stringMatching(/framework "eu", dimension "decision_rule": stored value "qualified-majority" .*boolean/),
      expect.stringMatching(/framework "nato", dimension "decision_rule": stored value "consensus" .*boolean/),
    ]);
    expect(await exportCatalog(t.db)).toEqual(before);
    expect(await t.db.catalogChange.count()).toBe(0);
  });

  it("refuses dropping an option still in use, but not for a framework the file replaces", async () => {
    const before = await exportCatalog(t.db);
    const narrowed = decisionRule(["consensus", "majority"]);
    const problems = await refusal(importCatalog(t.db, buildCatalog([], [narrowed]), origin));
    expect(problems).toEqual([
      expect.stringMatching(/"eu".*"qualified-majority".*must be one of: consensus, majority/),
    ]);
    expect(await exportCatalog(t.db)).toEqual(before);

    const eu = before.frameworks.find((f) => f.slug === "eu")!;
    const report = await importCatalog(
      t.db,
      buildCatalog([{ ...eu, attributes: [rule("majority")] }], [narrowed]),
      origin,
    );
    expect(report.dimensions.updated).toBe(1);
    const after = await exportCatalog(t.db);
    expect(after.dimensions.find((d) => d.key === "decision_rule")?.options).toEqual(["consensus", "majority"]);
    expect(after.frameworks.find((f) => f.slug === "nato")?.attributes[0]?.value).toBe("consensus");
  });

  it("accepts a retype every stored value survives (enum to text) and records the import", async () => {
    const report = await importCatalog(t.db, buildCatalog([], [decisionRule([], "text")]), origin);
    expect(report.dimensions.updated).toBe(1);
    const after = await exportCatalog(t.db);
    expect(after.frameworks.find((f) => f.slug === "nato")?.attributes[0]?.value).toBe("consensus");

    const imports = await t.db.catalogChange.findMany({ where: { entity: "import" }, orderBy: { createdAt: "asc" } });
    expect(imports).toHaveLength(2); // the narrowing and this one; refused imports left nothing
    expect(JSON.parse(imports[1]!.after!)).toMatchObject({
      importedBy: "catalog:import",
      file: "redefine.json",
      dimensions: { updated: 1 },
    });
    const redefinitions = await t.db.catalogChange.findMany({ where: { entity: "dimension" } });
    expect(redefinitions.map((r) => JSON.parse(r.after!).valueType)).toEqual(["enum", "text"]);
    const euHistory = await listCatalogChanges(t.db, "eu");
    expect(euHistory[0]).toMatchObject({
      entity: "framework",
      action: "update",
      userName: "catalog:import (redefine.json)",
    });
  });
});
