import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCatalog } from "@/lib/catalog/exchange";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildDimension, buildFramework, buildSource } from "@/lib/test/fixtures";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Runs `npm run catalog:import -- FILE` (its script, without npm in between) on a database. */
function runImport(databaseUrl: string, file: string) {
  return spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/catalog-import.ts"), file], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: "catalog-import-test-secret-0123456789abcdef",
    },
    encoding: "utf8",
  });
}

const dimension = (valueType: "enum" | "boolean") =>
  buildDimension({ key: "decision_rule", valueType, options: valueType === "enum" ? ["consensus", "majority"] : [] });

describe.each(PROVIDERS)("npm run catalog:import on %s", (provider) => {
  let t: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-import-"));
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const nato = buildFramework({
      slug: "nato",
      attributes: [{ dimension: "decision_rule", value: "consensus", note: null, sources: [buildSource()] }],
    });
    await importCatalog(t.db, buildCatalog([nato], [dimension("enum")]));
  });
  afterAll(async () => {
    await t?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a file that retypes a dimension under stored values, and records the imports it runs", async () => {
    const retype = path.join(dir, "retype.json");
    fs.writeFileSync(retype, JSON.stringify(buildCatalog([], [dimension("boolean")])));
    const refused = runImport(t.url, retype);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('framework "nato", dimension "decision_rule": stored value "consensus"');
    expect((await t.db.dimension.findUniqueOrThrow({ where: { key: "decision_rule" } })).valueType).toBe("enum");
    expect(await t.db.catalogChange.count()).toBe(0);

    const addOption = path.join(dir, "add-option.json");
    const widened = buildDimension({
      key: "decision_rule",
      valueType: "enum",
      options: ["consensus", "majority", "unanimity"],
    });
    fs.writeFileSync(addOption, JSON.stringify(buildCatalog([], [widened])));
    const accepted = runImport(t.url, addOption);
    expect(accepted.stderr).toBe("");
    expect(accepted.status).toBe(0);
    const [record] = await t.db.catalogChange.findMany({ where: { entity: "import" } });
    expect(record).toMatchObject({ entityKey: "add-option.json", userId: null });
    expect(JSON.parse(record!.after!)).toMatchObject({ importedBy: "catalog:import", dimensions: { updated: 1 } });
  });
});
