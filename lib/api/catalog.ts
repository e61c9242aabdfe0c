import { parseInput } from "@/lib/actions";
import { getFramework, listFrameworks } from "@/lib/catalog/queries";
import { frameworkFiltersSchema, slugSchema } from "@/lib/catalog/schema";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The catalog is readable by every signed-in caller (any token scope): no per-row permission.

/** The frameworks matching the catalog filters (?q=&kind=&region=&status=&country=). */
export async function apiListFrameworks(db: Db, query: Record<string, string>) {
  const filters = parseInput(frameworkFiltersSchema.strict(), query);
  const frameworks = await listFrameworks(db, filters);
  return { count: frameworks.length, frameworks };
}

/** One framework with its members and cited values; 404 for an unknown slug. */
export async function apiGetFramework(db: Db, rawSlug: string | undefined) {
  const slug = slugSchema.safeParse(rawSlug);
  if (!slug.success) throw new AppError("not_found", "No such framework.");
  const framework = await getFramework(db, slug.data);
  if (!framework) throw new AppError("not_found", `No framework with slug "${slug.data}".`);
  return framework;
}
