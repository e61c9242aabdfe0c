/** Characters of a team's name kept in its slug (before the random suffix). */
const SLUG_BASE_LENGTH = 40;

/**
 * A team's URL slug: its name in lower-case letters, digits and single hyphens, cut to 40
 * characters, plus a random suffix (names need not be unique). Hyphens are trimmed after cutting,
 * since a cut can end on one and "name--abc123" is not a valid slug.
 */
export function slugFor(name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, SLUG_BASE_LENGTH)
      .replace(/^-+|-+$/g, "") || "team";
  return `${base}-${crypto.randomUUID().slice(0, 6)}`;
}
