import type { Db } from "@/lib/db";

/**
 * The catalog's version: a number that database triggers raise, in the writing transaction, on
 * every insert, update or delete of frameworks, memberships, dimensions, attribute values and
 * sources, whoever writes (the app, import scripts, raw SQL). Two reads that return the same number
 * saw the same catalog, so it can key caches of catalog data shared by several app instances.
 *
 * Read the version BEFORE the data it keys: data read afterwards is at least as new as the version,
 * so a concurrent write can at worst store newer data under the older key (the next read, seeing
 * the new version, reloads) but never older data under the newer one.
 */
export async function getCatalogVersion(db: Db): Promise<number> {
  const row = await db.catalogVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  if (!row) throw new Error("CatalogVersion row id=1 is missing: the catalog_version migration inserts it; restore it");
  return row.version;
}
