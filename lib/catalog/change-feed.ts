import type { Db } from "@/lib/db";
import { type ChangeNotice, describeNotice } from "./alerts/describe";
import { CHANGE_PAGE_DEFAULT, CHANGE_PAGE_MAX, type ListChangesQuery } from "./alerts/schema";
import type { DimensionLabel } from "./history-labels";

/** One entry of the catalog change feed (page, API and Atom feed). */
export type CatalogFeedEntry = ChangeNotice & {
  id: string;
  frameworkSlug: string | null;
  frameworkName: string | null;
  entity: string;
  entityKey: string;
  action: string;
  /** The recorded values as stored (JSON), for programs. */
  beforeValue: unknown;
  afterValue: unknown;
  changedBy: string;
  createdAt: string;
  /** The change this one undid, if it is a revert. */
  revertOf: string | null;
  /** The framework's page (its history), or the catalog for changes to no one framework. */
  href: string;
};

export type CatalogFeedPage = { changes: CatalogFeedEntry[]; nextCursor: string | null };

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

function scriptOf(after: unknown): string {
  const a = after as { importedBy?: unknown; file?: unknown } | null;
  if (typeof a?.importedBy !== "string") return "A script";
  return typeof a.file === "string" ? `${a.importedBy} (${a.file})` : a.importedBy;
}

/**
 * Catalog changes, newest first, `limit` at a time (optionally of one framework); `cursor` is the
 * id of the last change of the previous page. The catalog is public, and so is its history.
 */
export async function listCatalogFeed(db: Db, query: ListChangesQuery = {}): Promise<CatalogFeedPage> {
  const limit = Math.min(query.limit ?? CHANGE_PAGE_DEFAULT, CHANGE_PAGE_MAX);
  const where = query.framework ? { frameworkSlug: query.framework } : {};
  const from = query.cursor
    ? await db.catalogChange.findFirst({ where: { id: query.cursor, ...where }, select: { id: true, createdAt: true } })
    : null;
  const rows = await db.catalogChange.findMany({
    where: from
      ? { ...where, OR: [{ createdAt: { lt: from.createdAt } }, { createdAt: from.createdAt, id: { lt: from.id } }] }
      : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { user: { select: { name: true } } },
  });
  const page = rows.slice(0, limit);
  const slugs = [...new Set(page.flatMap((r) => (r.frameworkSlug ? [r.frameworkSlug] : [])))];
  const keys = [...new Set(page.filter((r) => r.entity === "attribute").map((r) => r.entityKey))];
  const [frameworks, dimensions] = await Promise.all([
    db.framework.findMany({ where: { slug: { in: slugs } }, select: { slug: true, name: true } }),
    db.dimension.findMany({ where: { key: { in: keys } }, select: { key: true, label: true, valueType: true } }),
  ]);
  const names = new Map(frameworks.map((f) => [f.slug, f.name]));
  const dims: Record<string, DimensionLabel> = Object.fromEntries(dimensions.map((d) => [d.key, d]));
  const changes = page.map((r): CatalogFeedEntry => {
    const before = parse(r.before);
    const after = parse(r.after);
    const view = { ...r, before, after, userName: "", createdAt: r.createdAt.toISOString(), reverted: false };
    const notice = describeNotice(view, dims);
    const slug = r.frameworkSlug;
    return {
      ...notice,
      what: r.entity === "import" ? `Import of ${r.entityKey}` : notice.what,
      id: r.id,
      frameworkSlug: slug,
      frameworkName: slug ? (names.get(slug) ?? slug) : null,
      entity: r.entity,
      entityKey: r.entityKey,
      action: r.action,
      beforeValue: before,
      afterValue: after,
      changedBy: r.user?.name ?? (r.userId ? "Deleted user" : scriptOf(after)),
      createdAt: r.createdAt.toISOString(),
      revertOf: r.revertOf,
      href: slug ? `/frameworks/${encodeURIComponent(slug)}#history-heading` : "/frameworks",
    };
  });
  return { changes, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}
