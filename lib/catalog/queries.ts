import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { KINDS, REGIONS, STATUSES } from "./constants";
import { COUNTRIES, countryName } from "./countries";
import { formatValue } from "./format";
import { parseDimensionRow, parseFrameworkRow, parseMembershipRow } from "./rows";
import { type CatalogPaging, decodeValue, type FrameworkFilters } from "./schema";
import { isSourceType } from "./source-policy";
import type { AttributeView, CatalogFacets, Facet, FrameworkDetail, FrameworkSummary } from "./types";
import { getCatalogVersion } from "./version";

/** Country codes whose code or English name matches a search text ("jap" -> JPN). */
function countriesMatching(q: string): string[] {
  const needle = q.toLowerCase();
  if (needle.length < 3) return [];
  return Object.entries(COUNTRIES)
    .filter(([code, name]) => code.toLowerCase() === needle || name.toLowerCase().includes(needle))
    .map(([code]) => code);
}

/** The Prisma filter for catalog filters (also used to compare "all frameworks matching"). */
export function whereOf(filters: FrameworkFilters): Prisma.FrameworkWhereInput {
  const and: Prisma.FrameworkWhereInput[] = [];
  if (filters.kind) and.push({ kind: filters.kind });
  if (filters.region) and.push({ region: filters.region });
  if (filters.status) and.push({ status: filters.status });
  if (filters.country) and.push({ members: { some: { country: filters.country } } });
  if (filters.q) {
    const codes = countriesMatching(filters.q);
    and.push({
      OR: [
        { searchText: { contains: filters.q.toLowerCase() } },
        ...(codes.length ? [{ members: { some: { country: { in: codes } } } }] : []),
      ],
    });
  }
  return { AND: and };
}

type CountableMember = { role: string; left: string | null };

/** Full members today; for an ended framework, the members that stayed to the end. */
export function countMembers(members: CountableMember[], ended: string | null): number {
  return members.filter((m) => m.role === "member" && (m.left === null || (ended !== null && m.left >= ended))).length;
}

/** The columns a FrameworkSummary (and a card) is built from. */
export const summarySelect = {
  slug: true,
  name: true,
  acronym: true,
  kind: true,
  region: true,
  status: true,
  founded: true,
  ended: true,
  headquarters: true,
  summary: true,
  members: { select: { role: true, left: true } },
} satisfies Prisma.FrameworkSelect;

function toSummary(row: Prisma.FrameworkGetPayload<{ select: typeof summarySelect }>): FrameworkSummary {
  const { members, ...rest } = row;
  return { ...parseFrameworkRow(rest), memberCount: countMembers(members, rest.ended) };
}

/** Frameworks matching the filters, ordered by name. */
export async function listFrameworks(db: Db, filters: FrameworkFilters = {}): Promise<FrameworkSummary[]> {
  const rows = await db.framework.findMany({ where: whereOf(filters), select: summarySelect, orderBy: BY_NAME });
  return rows.map(toSummary);
}

/** Name order, with the slug breaking ties so that pages never overlap or skip a framework. */
const BY_NAME = [{ name: "asc" }, { slug: "asc" }] satisfies Prisma.FrameworkOrderByWithRelationInput[];

export type FrameworkPage = {
  frameworks: FrameworkSummary[];
  /** Frameworks matching the filters, on every page. */
  total: number;
  /** The page shown: the one asked for, or the last one when it asked past the end. */
  page: number;
  pages: number;
  per: number;
};

/**
 * One page of the frameworks matching the filters, in name order. The count and the page are read
 * together; only a page past the end costs a second read (of the last page).
 */
export async function listFrameworksPage(
  db: Db,
  filters: FrameworkFilters,
  { page, per }: CatalogPaging,
): Promise<FrameworkPage> {
  const where = whereOf(filters);
  const read = (n: number) =>
    db.framework.findMany({ where, select: summarySelect, orderBy: BY_NAME, skip: (n - 1) * per, take: per });
  const [total, asked] = await Promise.all([db.framework.count({ where }), read(page)]);
  const pages = Math.max(1, Math.ceil(total / per));
  const shown = Math.min(page, pages);
  const rows = shown === page ? asked : await read(shown);
  return { frameworks: rows.map(toSummary), total, page: shown, pages, per };
}

/** The facets each database client last read, with the catalog version they were read at. */
const facetsCache = new WeakMap<Db, { version: number; facets: Promise<CatalogFacets> }>();

/**
 * Counts per kind, region and status, and the countries that appear in any membership: read once
 * per catalog version (every /frameworks view shows them; at 2,000 frameworks reading them took
 * most of the page's server time), so a view costs one read of the version. Shared: do not mutate.
 */
export async function getCatalogFacets(db: Db): Promise<CatalogFacets> {
  const version = await getCatalogVersion(db);
  const cached = facetsCache.get(db);
  if (cached?.version === version) return cached.facets;
  const facets = loadCatalogFacets(db);
  facetsCache.set(db, { version, facets });
  facets.catch(() => {
    if (facetsCache.get(db)?.facets === facets) facetsCache.delete(db);
  });
  return facets;
}

async function loadCatalogFacets(db: Db): Promise<CatalogFacets> {
  const [kinds, regions, statuses, countries, total] = await Promise.all([
    db.framework.groupBy({ by: ["kind"], _count: { _all: true } }),
    db.framework.groupBy({ by: ["region"], _count: { _all: true } }),
    db.framework.groupBy({ by: ["status"], _count: { _all: true } }),
    db.membership.findMany({ distinct: ["country", "frameworkId"], select: { country: true } }),
    db.framework.count(),
  ]);
  const facet = <K extends string>(labels: Record<K, string>, counts: Map<string, number>): Facet[] =>
    (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value], count: counts.get(value) ?? 0 }));
  const countryCounts = new Map<string, number>();
  for (const { country } of countries) countryCounts.set(country, (countryCounts.get(country) ?? 0) + 1);
  return {
    kinds: facet(KINDS, new Map(kinds.map((k) => [k.kind, k._count._all]))),
    regions: facet(REGIONS, new Map(regions.map((r) => [r.region, r._count._all]))),
    statuses: facet(STATUSES, new Map(statuses.map((s) => [s.status, s._count._all]))),
    countries: [...countryCounts]
      .map(([value, count]) => ({ value, label: countryName(value), count }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    total,
  };
}

/** One framework with members and cited values grouped by dimension group, or null. */
export async function getFramework(db: Db, slug: string): Promise<FrameworkDetail | null> {
  const row = await db.framework.findUnique({
    where: { slug },
    include: {
      members: { orderBy: { position: "asc" } },
      attributes: { include: { dimension: true, sources: { orderBy: { position: "asc" } } } },
    },
  });
  if (!row) return null;
  const attributes = [...row.attributes].sort((a, b) => a.dimension.position - b.dimension.position);
  const groups: FrameworkDetail["groups"] = [];
  for (const a of attributes) {
    const value = decodeValue(a.dimension.valueType, a.value);
    const view: AttributeView = {
      key: a.dimension.key,
      label: a.dimension.label,
      group: a.dimension.group,
      valueType: a.dimension.valueType,
      value,
      display: formatValue(a.dimension.valueType, value),
      note: a.note,
      asOf: a.asOf,
      reviewDue: a.reviewDue,
      sources: a.sources.map(({ title, url, publisher, accessed, type }) => ({
        title,
        url,
        publisher,
        accessed,
        type: isSourceType(type) ? type : "reference",
      })),
    };
    const group = groups.find((g) => g.group === view.group);
    if (group) group.attributes.push(view);
    else groups.push({ group: view.group, attributes: [view] });
  }
  return {
    ...toSummary({ ...row, members: row.members }),
    inForce: row.inForce,
    legalBasis: row.legalBasis,
    updatedAt: row.updatedAt.toISOString(),
    members: row.members.map(parseMembershipRow).map((m) => ({
      country: m.country,
      countryName: countryName(m.country),
      role: m.role,
      joined: m.joined,
      left: m.left,
      status: m.status,
      statusSince: m.statusSince,
    })),
    groups,
  };
}

/** All dimensions in display order, with their allowed options. */
export async function listDimensions(db: Db) {
  const rows = await db.dimension.findMany({ orderBy: [{ position: "asc" }, { key: "asc" }] });
  return rows.map(parseDimensionRow).map((d) => ({
    key: d.key,
    label: d.label,
    group: d.group,
    valueType: d.valueType,
    options: d.options,
    description: d.description,
  }));
}
