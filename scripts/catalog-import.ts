// npm run catalog:import -- FILE   (.json exchange document, or .csv of frameworks + members)
import fs from "node:fs";
import path from "node:path";
import { catalogFromCsv } from "@/lib/catalog/csv";
import { CatalogValidationError, exportCatalog, importCatalog } from "@/lib/catalog/exchange";
import { getDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { runCli } from "./cli";

runCli(async () => {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run catalog:import -- FILE.json|FILE.csv");
  const text = fs.readFileSync(file, "utf8");
  await migrate(env().DATABASE_URL.url);
  const db = getDb();
  let input: unknown;
  if (file.endsWith(".csv")) input = catalogFromCsv(text, await exportCatalog(db));
  else {
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new CatalogValidationError([`not valid JSON: ${(error as Error).message}`]);
    }
  }
  const report = await importCatalog(db, input, { importedBy: "catalog:import", file: path.basename(file) });
  const { frameworks: f, dimensions: d } = report;
  console.log(
    `Imported ${file}: frameworks ${f.created} created, ${f.updated} updated, ${f.unchanged} unchanged; ` +
      `dimensions ${d.created} created, ${d.updated} updated, ${d.unchanged} unchanged.`,
  );
});
