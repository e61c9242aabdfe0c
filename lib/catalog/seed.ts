import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db";
import { type ImportReport, importCatalog } from "./exchange";

const SEED_DIR = path.join(process.cwd(), "prisma", "seed", "catalog");

/**
 * The seed catalog as one exchange document: prisma/seed/catalog/dimensions.json plus one file per
 * framework in frameworks/ (one file each keeps reviews and fact checks small).
 */
export function loadSeedCatalog(dir = SEED_DIR): { version: 1; dimensions: unknown[]; frameworks: unknown[] } {
  const { dimensions } = JSON.parse(fs.readFileSync(path.join(dir, "dimensions.json"), "utf8")) as {
    dimensions: unknown[];
  };
  const frameworkDir = path.join(dir, "frameworks");
  const frameworks = fs
    .readdirSync(frameworkDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(frameworkDir, f), "utf8")) as unknown);
  return { version: 1, dimensions, frameworks };
}

/** Imports the seed catalog (idempotent: unchanged frameworks are not rewritten). */
export async function seedCatalog(db: Db): Promise<ImportReport> {
  return importCatalog(db, loadSeedCatalog());
}

/** Seeds only when the catalog is empty, as the app does on start. */
export async function seedCatalogIfEmpty(db: Db): Promise<ImportReport | null> {
  if ((await db.framework.count()) > 0) return null;
  return seedCatalog(db);
}
