import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCatalog, importCatalog } from "@/lib/catalog/exchange";
import { createTestDatabase, type TestDatabase } from "@/lib/test/databases";
import { buildCatalog, buildFramework } from "@/lib/test/fixtures";

const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");

/** Runs `npm run catalog:<command> -- FILE` (without npm) against the test database. */
function run(command: "export" | "import", file: string, databaseUrl: string): string {
  return execFileSync(process.execPath, [TSX, `scripts/catalog-${command}.ts`, file], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
}

describe("catalog:export and catalog:import of CSV with formula-like text", () => {
  let t: TestDatabase;
  let dir = "";
  const framework = buildFramework({
    slug: "formula-pact",
    name: '=HYPERLINK("http://127.0.0.1/x","click")',
    acronym: "+FP",
    headquarters: "@Somewhere",
    legalBasis: "-2+3 treaty",
    summary: "'=kept as typed, with its own quote",
  });

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await importCatalog(t.db, buildCatalog([framework]));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-csv-"));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await t?.drop();
  });

  it("writes the cells with a leading quote, and importing the file restores the exact text", async () => {
    const file = path.join(dir, "catalog.csv");
    run("export", file, t.url);
    const csv = fs.readFileSync(file, "utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://127.0.0.1/x"",""click"")"`);
    expect(csv).toContain(",'+FP,");
    expect(csv).toContain(",'@Somewhere,'-2+3 treaty,\"''=kept as typed, with its own quote\",");
    expect(csv).not.toMatch(/(^|,)[=+@]/m);

    const before = await exportCatalog(t.db);
    expect(run("import", file, t.url)).toContain("0 created, 0 updated, 1 unchanged");
    const after = await exportCatalog(t.db);
    expect(after).toEqual(before);
    expect(after.frameworks[0]).toMatchObject({
      name: framework.name,
      acronym: "+FP",
      headquarters: "@Somewhere",
      legalBasis: "-2+3 treaty",
      summary: "'=kept as typed, with its own quote",
    });
  });
});
