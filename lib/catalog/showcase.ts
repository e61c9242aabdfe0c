import type { Db } from "@/lib/db";
import { listFrameworks } from "./queries";
import type { FrameworkSummary } from "./types";

/** Frameworks the home page shows, in this order, when the catalog has them. */
const SHOWCASE = ["nato", "aukus", "quad"] as const;

/** What the signed-out home page shows of the catalog: its size and a few real frameworks. */
export type CatalogShowcase = { total: number; frameworks: FrameworkSummary[] };

/**
 * A few well-known frameworks for the home page (falling back to the first ones by name, so a
 * catalog imported without them still shows something real).
 */
export async function getCatalogShowcase(db: Db): Promise<CatalogShowcase> {
  const all = await listFrameworks(db);
  const bySlug = new Map(all.map((f) => [f.slug, f]));
  const picked = SHOWCASE.flatMap((slug) => bySlug.get(slug) ?? []);
  const frameworks = picked.length === SHOWCASE.length ? picked : all.slice(0, SHOWCASE.length);
  return { total: all.length, frameworks };
}
