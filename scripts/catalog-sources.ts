// npm run catalog:sources [-- --write]
// Applies the source policy (docs/sources.md) to the seed catalog: prints every refused citation and
// every value left without an acceptable source, per framework. --write rewrites the seed files
// (refused citations removed, types added, orphaned values flagged "needsSource").
import fs from "node:fs";
import path from "node:path";
import { applySourcePolicy, type RawFramework } from "@/lib/catalog/source-audit";

const DIR = path.join(process.cwd(), "prisma", "seed", "catalog", "frameworks");

{
  const write = process.argv.includes("--write");
  const files = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const raw = files.map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as RawFramework);
  const { frameworks, audit } = applySourcePolicy(raw);
  for (const r of audit.refused) console.log(`refused  ${r.slug}.${r.dimension}: ${r.url} ${r.reason}`);
  const flagged = frameworks.flatMap((f) =>
    f.attributes.filter((a) => a.needsSource).map((a) => ({ slug: f.slug, dimension: a.dimension })),
  );
  const bySlug = new Map<string, string[]>();
  for (const { slug, dimension } of flagged) bySlug.set(slug, [...(bySlug.get(slug) ?? []), dimension]);
  console.log(`\nValues that need a source (${flagged.length}):`);
  for (const [slug, dims] of bySlug) console.log(`  ${slug}: ${dims.join(", ")}`);
  if (write) {
    for (const [i, f] of files.entries())
      fs.writeFileSync(path.join(DIR, f), `${JSON.stringify(frameworks[i], null, 2)}\n`);
    console.log(`\nRewrote ${files.length} seed files.`);
  }
}
