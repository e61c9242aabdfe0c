import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { type ImportAudit, type ImportOrigin, recordImport } from "./import-audit";
import { redefinedDimensions, storedValueProblems } from "./import-checks";
import { parseDimensionRow, parseFrameworkRow, parseMembershipRow } from "./rows";
import {
  type CatalogFile,
  catalogSchema,
  decodeValue,
  encodeValue,
  type FrameworkInput,
  type TypedValue,
} from "./schema";
import type { SourceType } from "./source-policy";

/** The catalog exchange document (README: "Catalog exchange format"). */
export type ExchangeFramework = FrameworkInput;
/** An exported attribute: a value with no acceptable source left says so explicitly. */
type ExportedAttribute = ExchangeFramework["attributes"][number] & { needsSource?: true };
export type ExchangeDocument = {
  version: 1;
  dimensions: {
    key: string;
    label: string;
    group: string;
    valueType: string;
    options: string[];
    description: string | null;
  }[];
  frameworks: (Omit<ExchangeFramework, "attributes"> & { attributes: ExportedAttribute[] })[];
};

export type ImportReport = {
  frameworks: { created: number; updated: number; unchanged: number };
  dimensions: { created: number; updated: number; unchanged: number };
};

/** A catalog file that cannot be imported; `problems` has one line per offending row or field. */
export class CatalogValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`The catalog file has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "CatalogValidationError";
  }
}

const frameworkInclude = {
  members: { orderBy: { position: "asc" } },
  attributes: { include: { dimension: true, sources: { orderBy: { position: "asc" } } } },
} satisfies Prisma.FrameworkInclude;
type FrameworkRow = Prisma.FrameworkGetPayload<{ include: typeof frameworkInclude }>;

function toExchangeFramework(row: FrameworkRow): ExchangeFramework {
  const attributes = [...row.attributes].sort(
    (a, b) => a.dimension.position - b.dimension.position || a.dimension.key.localeCompare(b.dimension.key),
  );
  const { kind, region, status } = parseFrameworkRow(row);
  return {
    slug: row.slug,
    name: row.name,
    acronym: row.acronym,
    kind,
    region,
    status,
    founded: row.founded,
    inForce: row.inForce,
    ended: row.ended,
    headquarters: row.headquarters,
    legalBasis: row.legalBasis,
    summary: row.summary,
    members: row.members.map(parseMembershipRow).map((m) => ({
      country: m.country,
      role: m.role,
      joined: m.joined,
      left: m.left,
      status: m.status,
      statusSince: m.statusSince,
    })),
    attributes: attributes.map((a) => ({
      dimension: a.dimension.key,
      value: decodeValue(a.dimension.valueType, a.value),
      note: a.note,
      asOf: a.asOf,
      reviewDue: a.reviewDue,
      sources: a.sources.map((s) => ({
        title: s.title,
        url: s.url,
        publisher: s.publisher,
        accessed: s.accessed,
        type: s.type as SourceType,
      })),
    })),
  };
}

/** The whole catalog as an exchange document, in a stable order (dimensions by position, frameworks by slug). */
export async function exportCatalog(db: Db): Promise<ExchangeDocument> {
  const [dimensions, frameworks] = await Promise.all([
    db.dimension.findMany({ orderBy: [{ position: "asc" }, { key: "asc" }] }),
    db.framework.findMany({ orderBy: { slug: "asc" }, include: frameworkInclude }),
  ]);
  return {
    version: 1,
    dimensions: dimensions.map(parseDimensionRow).map((d) => ({
      key: d.key,
      label: d.label,
      group: d.group,
      valueType: d.valueType,
      options: d.options,
      description: d.description,
    })),
    frameworks: frameworks.map(toExchangeFramework).map((f) => ({
      ...f,
      attributes: f.attributes.map((a) => (a.sources.length ? a : { ...a, needsSource: true as const })),
    })),
  };
}

function describePath(input: unknown, path: PropertyKey[]): string {
  let out = "";
  let node: unknown = input;
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : `${out ? "." : ""}${String(part)}`;
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[part] : undefined;
    const slug = node && typeof node === "object" && "slug" in node ? (node as { slug: unknown }).slug : undefined;
    if (typeof part === "number" && typeof slug === "string") out += ` (${slug})`;
  }
  return out || "(file)";
}

type DimensionShape = { valueType: string; options: string[] };

/**
 * Validates a parsed JSON value as a catalog file. Cross-checks what zod cannot see alone:
 * duplicate slugs and keys, attributes naming unknown dimensions, values of the wrong type.
 */
export function validateCatalog(input: unknown, existingDimensions: Map<string, DimensionShape>): CatalogFile {
  const parsed = catalogSchema.safeParse(input);
  if (!parsed.success) {
    throw new CatalogValidationError(parsed.error.issues.map((i) => `${describePath(input, i.path)}: ${i.message}`));
  }
  const file = parsed.data;
  const problems: string[] = [];
  const dims = new Map(existingDimensions);
  const seenKeys = new Set<string>();
  file.dimensions.forEach((d, i) => {
    if (seenKeys.has(d.key)) problems.push(`dimensions[${i}].key: "${d.key}" appears twice`);
    seenKeys.add(d.key);
    dims.set(d.key, { valueType: d.valueType, options: d.options });
  });
  const seenSlugs = new Set<string>();
  file.frameworks.forEach((f, i) => {
    const at = `frameworks[${i}] (${f.slug})`;
    if (seenSlugs.has(f.slug)) problems.push(`${at}.slug: "${f.slug}" appears twice`);
    seenSlugs.add(f.slug);
    if (f.status === "defunct" && !f.ended) problems.push(`${at}.ended: a defunct framework needs an end date`);
    const seenDims = new Set<string>();
    f.attributes.forEach((a, j) => {
      const dim = dims.get(a.dimension);
      if (!dim) {
        problems.push(`${at}.attributes[${j}].dimension: unknown dimension "${a.dimension}"`);
        return;
      }
      if (seenDims.has(a.dimension)) problems.push(`${at}.attributes[${j}].dimension: "${a.dimension}" appears twice`);
      seenDims.add(a.dimension);
      const encoded = encodeValue(dim, a.value);
      if (!encoded.ok) problems.push(`${at}.attributes[${j}].value (${a.dimension}): ${encoded.error}`);
    });
  });
  if (problems.length) throw new CatalogValidationError(problems);
  return file;
}

type StoredDimension = { id: string; key: string; position: number; valueType: string; options: string[] };

function storedText(dim: StoredDimension, value: TypedValue): string {
  const encoded = encodeValue(dim, value);
  if (!encoded.ok) throw new Error(`unvalidated value for ${dim.key}`);
  return encoded.text;
}

/** The file's framework in the exact shape and order an export would write it, so "unchanged" is
 * an equality test. */
function canonicalFramework(f: FrameworkInput, dimensionOf: (key: string) => StoredDimension): ExchangeFramework {
  const attributes = f.attributes
    .map((a) => {
      const dim = dimensionOf(a.dimension);
      return { dim, attribute: { ...a, value: decodeValue(dim.valueType, storedText(dim, a.value)) } };
    })
    .sort((a, b) => a.dim.position - b.dim.position || a.dim.key.localeCompare(b.dim.key))
    .map((x) => x.attribute);
  return { ...f, attributes };
}

const searchTextOf = (f: { name: string; acronym: string | null; slug: string }) =>
  [f.name, f.acronym ?? "", f.slug].join(" ").toLowerCase();

/**
 * Validates and imports a catalog document in one transaction: dimensions are upserted by key,
 * frameworks by slug; a framework in the file replaces its stored members and values. Rows that
 * would not change are not written. On any problem nothing is written. A dimension redefined (type
 * or options) must still hold every stored value of the frameworks the file does not replace, or
 * the import is refused with a list of them. With `origin`, the import is recorded in the history.
 */
export async function importCatalog(db: Db, input: unknown, origin?: ImportOrigin): Promise<ImportReport> {
  const existing = await db.dimension.findMany();
  const known = new Map(
    existing.map(parseDimensionRow).map((d) => [d.key, { valueType: d.valueType, options: d.options }]),
  );
  const file = validateCatalog(input, known);
  const report: ImportReport = {
    frameworks: { created: 0, updated: 0, unchanged: 0 },
    dimensions: { created: 0, updated: 0, unchanged: 0 },
  };

  await db.$transaction(
    async (tx) => {
      const current = new Map((await tx.dimension.findMany()).map((d) => [d.key, d]));
      const redefined = redefinedDimensions(file.dimensions, current);
      const replaced = new Set(file.frameworks.map((f) => f.slug));
      const storedProblems = await storedValueProblems(tx, redefined, replaced);
      if (storedProblems.length) throw new CatalogValidationError(storedProblems);
      const changed: ImportAudit["frameworks"] = [];
      let nextPosition = Math.max(-1, ...[...current.values()].map((d) => d.position)) + 1;
      for (const d of file.dimensions) {
        const data = {
          label: d.label,
          group: d.group,
          valueType: d.valueType,
          options: JSON.stringify(d.options),
          description: d.description,
        };
        const row = current.get(d.key);
        if (!row) {
          current.set(d.key, await tx.dimension.create({ data: { key: d.key, position: nextPosition++, ...data } }));
          report.dimensions.created++;
        } else if (Object.entries(data).some(([k, v]) => row[k as keyof typeof data] !== v)) {
          current.set(d.key, await tx.dimension.update({ where: { id: row.id }, data }));
          report.dimensions.updated++;
        } else report.dimensions.unchanged++;
      }

      const stored = await tx.framework.findMany({
        where: { slug: { in: file.frameworks.map((f) => f.slug) } },
        include: frameworkInclude,
      });
      const bySlug = new Map(stored.map((row) => [row.slug, row]));
      const dimensionOf = (key: string) => {
        return parseDimensionRow(current.get(key)!);
      };
      for (const input of file.frameworks) {
        const f = canonicalFramework(input, dimensionOf);
        const row = bySlug.get(f.slug);
        if (row && JSON.stringify(toExchangeFramework(row)) === JSON.stringify(f)) {
          report.frameworks.unchanged++;
          continue;
        }
        const { members, attributes, ...fields } = f;
        const children = {
          members: { create: members.map((m, position) => ({ ...m, position })) },
          attributes: {
            create: attributes.map((a) => {
              const dim = dimensionOf(a.dimension);
              return {
                dimensionId: dim.id,
                value: storedText(dim, a.value),
                note: a.note,
                asOf: a.asOf,
                reviewDue: a.reviewDue,
                sources: { create: a.sources.map((s, position) => ({ ...s, position })) },
              };
            }),
          },
        };
        const data = { ...fields, searchText: searchTextOf(fields) };
        if (row) {
          await tx.membership.deleteMany({ where: { frameworkId: row.id } });
          await tx.attributeValue.deleteMany({ where: { frameworkId: row.id } });
          await tx.framework.update({ where: { id: row.id }, data: { ...data, ...children } });
          report.frameworks.updated++;
        } else {
          await tx.framework.create({ data: { ...data, ...children } });
          report.frameworks.created++;
        }
        changed.push({ slug: f.slug, action: row ? "update" : "create" });
      }
      if (origin) await recordImport(tx, { origin, counts: report, frameworks: changed, redefined });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return report;
}
