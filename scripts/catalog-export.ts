// npm run catalog:export -- FILE   (FILE ending in .csv writes frameworks + members as CSV)
import fs from "node:fs";
import { catalogToCsv } from "@/lib/catalog/csv";
import { exportCatalog } from "@/lib/catalog/exchange";
import { getDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { runCli } from "./cli";

runCli(async () => {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run catalog:export -- FILE.json|FILE.csv");
  await migrate(env().DATABASE_URL.url);
  const doc = await exportCatalog(getDb());
  fs.writeFileSync(file, file.endsWith(".csv") ? catalogToCsv(doc) : `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`Wrote ${doc.frameworks.length} frameworks and ${doc.dimensions.length} dimensions to ${file}`);
});
