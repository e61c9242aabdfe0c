import type { Kind, Region, Status, ValueType } from "@/lib/catalog/constants";
import { whereOf } from "@/lib/catalog/queries";
import type { Db } from "@/lib/db";
import { CHART_LIMIT } from "./charts";
import type { CatalogScope, MatrixData, MatrixFramework, MatrixSource } from "./types";

/** The most frameworks an "all frameworks matching" comparison loads. */
export const MAX_SCOPE = 5000;

export type MatrixSelection = { frameworks: string[] } | { scope: CatalogScope };

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

/**
 * Loads exactly what the matrix model reads for a selection, with narrow selects: framework
 * identity and dates, all dimensions, every stored value with its note and cited sources
 * (de-duplicated), and member countries when the selection is small enough for the charts.
 */
export async function loadMatrixData(db: Db, selection: MatrixSelection): Promise<MatrixData> {
  const [dimensions, frameworks] = await Promise.all([
    db.dimension.findMany({
      select: { id: true, key: true, label: true, group: true, valueType: true, options: true, description: true },
      orderBy: [{ position: "asc" }, { key: "asc" }],
    }),
    selectFrameworks(db, selection),
  ]);
  const ids = frameworks.map((f) => f.id);
  const withMembers = frameworks.length <= CHART_LIMIT;
  const [values, sources, members] = await Promise.all([
    ids.length
      ? db.attributeValue.findMany({
          where: { frameworkId: { in: ids } },
          select: { id: true, frameworkId: true, dimensionId: true, value: true, note: true },
        })
      : [],
    ids.length
      ? db.source.findMany({
          where: { attributeValue: { frameworkId: { in: ids } } },
          select: { attributeValueId: true, title: true, url: true, publisher: true, accessed: true },
          orderBy: [{ attributeValueId: "asc" }, { position: "asc" }],
        })
      : [],
    withMembers && ids.length ? selectMembers(db, frameworks) : new Map<string, string[]>(),
  ]);

  const stride = dimensions.length;
  const size = frameworks.length * stride;
  const data: MatrixData = {
    frameworks: frameworks.map(({ id, ...f }) => ({
      ...f,
      kind: f.kind as Kind,
      region: f.region as Region,
      status: f.status as Status,
      members: withMembers ? (members.get(id) ?? []) : null,
    })),
    dimensions: dimensions.map(({ id: _id, ...d }) => ({
      ...d,
      valueType: d.valueType as ValueType,
      options: JSON.parse(d.options) as string[],
    })),
    values: new Array<string | null>(size).fill(null),
    notes: new Array<string | null>(size).fill(null),
    citations: new Array<number[] | null>(size).fill(null),
    sources: [],
  };

  const frameworkAt = new Map(ids.map((id, i) => [id, i]));
  const dimensionAt = new Map(dimensions.map((d, i) => [d.id, i]));
  const cellOf = new Map<string, number>();
  for (const v of values) {
    const cell = frameworkAt.get(v.frameworkId)! * stride + dimensionAt.get(v.dimensionId)!;
    data.values[cell] = v.value;
    data.notes[cell] = v.note;
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
  return rows.map((r) => ({ ...r, status: r.status as Status }));
}
