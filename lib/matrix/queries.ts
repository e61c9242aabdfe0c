import "server-only";
import type { Status } from "@/lib/catalog/constants";
import { whereOf } from "@/lib/catalog/queries";
import { parseDimensionRow, parseFrameworkRow, parseFrameworkStatus } from "@/lib/catalog/rows";
import type { Db } from "@/lib/db";
import { CHART_LIMIT } from "./charts";

/** Selections up to this size carry notes and citations inline; larger ones fetch them per framework. */
export const DETAIL_LIMIT = CHART_LIMIT;

import type { MatrixData, MatrixFramework, MatrixSelection, MatrixSource } from "./types";

/** The most frameworks an "all frameworks matching" comparison loads. */
export const MAX_SCOPE = 5000;

export type FrameworkOption = { slug: string; name: string; acronym: string | null; status: Status };

type FrameworkRow = Omit<MatrixFramework, "members"> & { id: string };

async function selectFrameworks(db: Db, selection: MatrixSelection): Promise<FrameworkRow[]> {
  const select = {
    id: true,
    slug: true,
    name: true,
    acronym: true,
    kind: true,
    region: true,
    status: true,
    founded: true,
    ended: true,
  } as const;
  if ("scope" in selection) {
    const rows = await db.framework.findMany({
      where: whereOf(selection.scope),
      select,
      orderBy: { name: "asc" },
      take: MAX_SCOPE,
    });
    return rows as FrameworkRow[];
  }
  if (!selection.frameworks.length) return [];
  const rows = await db.framework.findMany({ where: { slug: { in: selection.frameworks } }, select });
  const bySlug = new Map(rows.map((r) => [r.slug, r as FrameworkRow]));
  return selection.frameworks.flatMap((slug) => bySlug.get(slug) ?? []);
}

/** Full members today, or at the end for a defunct framework (the rule of countMembers). */
async function selectMembers(db: Db, frameworks: FrameworkRow[]): Promise<Map<string, string[]>> {
  const rows = await db.membership.findMany({
    where: { frameworkId: { in: frameworks.map((f) => f.id) }, role: "member" },
    select: { frameworkId: true, country: true, left: true },
  });
  const ended = new Map(frameworks.map((f) => [f.id, f.ended]));
  const members = new Map<string, Set<string>>();
  for (const row of rows) {
    const end = ended.get(row.frameworkId) ?? null;
    if (row.left !== null && (end === null || row.left < end)) continue;
    const set = members.get(row.frameworkId) ?? new Set<string>();
    members.set(row.frameworkId, set.add(row.country));
  }
  return new Map([...members].map(([id, set]) => [id, [...set].sort()]));
}

/** Frameworks per query when loading values and sources: keeps every query far below the
 * parameter limits of both databases, however large the selection. */
const CHUNK = 250;

type ValueRow = { id?: string; frameworkId: string; dimensionId: string; value: string; note?: string | null };

/** Stored values of the given frameworks: only what the grid shows (large selections). */
async function selectValues(db: Db, ids: string[]) {
  const values: ValueRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.attributeValue.findMany({
      where: { frameworkId: { in: ids.slice(i, i + CHUNK) } },
      select: { frameworkId: true, dimensionId: true, value: true },
    });
    for (const row of rows) values.push(row);
  }
  return { values, sources: [] };
}

/** Stored values with notes, and their sources in citation order, of the given frameworks. */
async function selectCells(db: Db, ids: string[]) {
  const values: { id: string; frameworkId: string; dimensionId: string; value: string; note: string | null }[] = [];
  const sources: {
    attributeValueId: string;
    title: string;
    url: string;
    publisher: string | null;
    accessed: string | null;
  }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const [v, s] = await Promise.all([
      db.attributeValue.findMany({
        where: { frameworkId: { in: chunk } },
        select: { id: true, frameworkId: true, dimensionId: true, value: true, note: true },
      }),
      db.source.findMany({
        where: { attributeValue: { frameworkId: { in: chunk } } },
        select: { attributeValueId: true, title: true, url: true, publisher: true, accessed: true },
        orderBy: [{ attributeValueId: "asc" }, { position: "asc" }],
      }),
    ]);
    for (const row of v) values.push(row);
    for (const row of s) sources.push(row);
  }
  return { values, sources };
}

/**
 * Loads exactly what the matrix model reads for a selection, with narrow selects: framework
 * identity and dates, all dimensions, every stored value, and, for selections up to
 * DETAIL_LIMIT frameworks (or as `options.details` says), notes and cited sources
 * (de-duplicated) and the member countries the charts need. Values and sources are read in
 * chunks of frameworks, so no query outgrows a database's parameter limit.
 */
export async function loadMatrixData(
  db: Db,
  selection: MatrixSelection,
  options: { details?: boolean } = {},
): Promise<MatrixData> {
  const [dimensions, frameworks] = await Promise.all([
    db.dimension.findMany({
      select: { id: true, key: true, label: true, group: true, valueType: true, options: true, description: true },
      orderBy: [{ position: "asc" }, { key: "asc" }],
    }),
    selectFrameworks(db, selection),
  ]);
  const ids = frameworks.map((f) => f.id);
  const withMembers = frameworks.length <= CHART_LIMIT;
  const details = options.details ?? frameworks.length <= DETAIL_LIMIT;
  const [cells, members] = await Promise.all([
    details ? selectCells(db, ids) : selectValues(db, ids),
    withMembers && ids.length ? selectMembers(db, frameworks) : new Map<string, string[]>(),
  ]);
  const { values, sources } = cells;

  const stride = dimensions.length;
  const size = frameworks.length * stride;
  const data: MatrixData = {
    frameworks: frameworks.map(({ id, ...f }) => ({
      ...parseFrameworkRow(f),
      members: withMembers ? (members.get(id) ?? []) : null,
    })),
    dimensions: dimensions.map(({ id: _id, ...d }) => parseDimensionRow(d)),
    values: new Array<string | null>(size).fill(null),
    details,
    notes: details ? new Array<string | null>(size).fill(null) : [],
    citations: details ? new Array<number[] | null>(size).fill(null) : [],
    sources: [],
  };

  const frameworkAt = new Map(ids.map((id, i) => [id, i]));
  const dimensionAt = new Map(dimensions.map((d, i) => [d.id, i]));
  const cellOf = new Map<string, number>();
  for (const v of values) {
    const cell = frameworkAt.get(v.frameworkId)! * stride + dimensionAt.get(v.dimensionId)!;
    data.values[cell] = v.value;
    if (!details || v.id === undefined) continue;
    data.notes[cell] = v.note ?? null;
    cellOf.set(v.id, cell);
  }
  const sourceIndex = new Map<string, number>();
  for (const s of sources) {
    const cell = cellOf.get(s.attributeValueId);
    if (cell === undefined) continue;
    const source: MatrixSource = { title: s.title, url: s.url, publisher: s.publisher, accessed: s.accessed };
    const key = `${s.url}\u0000${s.title}\u0000${s.publisher ?? ""}\u0000${s.accessed ?? ""}`;
    let index = sourceIndex.get(key);
    if (index === undefined) {
      index = data.sources.push(source) - 1;
      sourceIndex.set(key, index);
    }
    const refs = data.citations[cell];
    if (refs) refs.push(index);
    else data.citations[cell] = [index];
  }
  return data;
}

/** Every framework as a choice for the comparison picker, by name. */
export async function listFrameworkOptions(db: Db): Promise<FrameworkOption[]> {
  const rows = await db.framework.findMany({
    select: { slug: true, name: true, acronym: true, status: true },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({ ...r, status: parseFrameworkStatus(r.status) }));
}

/** Number of frameworks in the catalog (the empty comparison says how many there are to pick from). */
export function countFrameworks(db: Db): Promise<number> {
  return db.framework.count();
}

/** Which of `slugs` the catalog has. */
export async function listKnownSlugs(db: Db, slugs: string[]): Promise<string[]> {
  const rows = await db.framework.findMany({ where: { slug: { in: slugs } }, select: { slug: true } });
  return rows.map((r) => r.slug);
}
