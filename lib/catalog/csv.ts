import { parseCsv, toCsv } from "@/lib/csv";
import type { ExchangeDocument } from "./exchange";
import { CatalogValidationError } from "./exchange";

/** Columns of the frameworks CSV. `members` holds "COUNTRY:role:joined:left" entries joined by
 * ";" (empty dates stay empty), e.g. "USA:member:1949-08-24:;FRA:member:1949-08-24:"; a suspended
 * or frozen membership adds ":status:since", e.g. "ARM:member:1994-04-20::frozen:2024-02". */
export const CSV_COLUMNS = [
  "slug",
  "name",
  "acronym",
  "kind",
  "region",
  "status",
  "founded",
  "inForce",
  "ended",
  "headquarters",
  "legalBasis",
  "summary",
  "members",
] as const;

/** Frameworks and members as CSV (attributes are only in the JSON format). */
export function catalogToCsv(doc: ExchangeDocument): string {
  const rows = doc.frameworks.map((f) => [
    ...CSV_COLUMNS.slice(0, -1).map((c) => f[c as Exclude<(typeof CSV_COLUMNS)[number], "members">]),
    f.members
      .map((m) =>
        [
          m.country,
          m.role,
          m.joined ?? "",
          m.left ?? "",
          ...(m.status === "active" ? [] : [m.status, m.statusSince ?? ""]),
        ].join(":"),
      )
      .join(";"),
  ]);
  return toCsv([[...CSV_COLUMNS], ...rows]);
}

/**
 * Turns a frameworks CSV into an exchange document. Frameworks that already exist keep their
 * stored attributes (the CSV carries none); the result is then validated like any JSON file.
 */
export function catalogFromCsv(text: string, current: ExchangeDocument): unknown {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    throw new CatalogValidationError([(error as Error).message]);
  }
  const [header, ...body] = rows;
  const missing = CSV_COLUMNS.filter((c) => !header?.includes(c));
  if (!header || missing.length) throw new CatalogValidationError([`header: missing column(s) ${missing.join(", ")}`]);
  const problems: string[] = [];
  const existing = new Map(current.frameworks.map((f) => [f.slug, f]));
  const frameworks = body.map((cells, i) => {
    const get = (c: string) => {
      const v = cells[header.indexOf(c)]?.trim() ?? "";
      return v === "" ? null : v;
    };
    if (cells.length !== header.length)
      problems.push(`row ${i + 2}: has ${cells.length} fields, the header has ${header.length}`);
    const members = (get("members") ?? "")
      .split(";")
      .filter(Boolean)
      .map((entry, j) => {
        const [country, role, joined, left, status, statusSince, ...rest] = entry.split(":");
        if (rest.length || !country || !role)
          problems.push(
            `row ${i + 2}, members entry ${j + 1}: "${entry}" is not COUNTRY:role:joined:left[:status:since]`,
          );
        return {
          country,
          role,
          joined: joined || null,
          left: left || null,
          status: status || "active",
          statusSince: statusSince || null,
        };
      });
    const fields = Object.fromEntries(CSV_COLUMNS.slice(0, -1).map((c) => [c, get(c)]));
    const slug = String(fields.slug ?? "");
    return { ...fields, members, attributes: existing.get(slug)?.attributes ?? [] };
  });
  if (problems.length) throw new CatalogValidationError(problems);
  return { version: 1, dimensions: [], frameworks };
}
