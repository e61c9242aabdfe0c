// A synthetic catalog for benchmarks: N frameworks x D dimensions with members, values, notes and
// sources. Written straight into a migrated SQLite file in one transaction: importCatalog
// validates and diffs row by row, and Prisma's createMany takes over a minute for 300,000 rows.
import Database from "better-sqlite3";
import { KINDS, REGIONS } from "@/lib/catalog/constants";

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same catalog. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GROUPS = ["Commitments", "Governance", "Operations", "Capabilities and industry", "Scope", "Outlook"];
const TYPES = ["boolean", "enum", "number", "date", "text", "boolean", "enum", "text", "boolean", "number"] as const;
const WORDS =
  "joint naval air cyber space maritime border nuclear training logistics intelligence industrial regional".split(" ");
const COUNTRIES =
  "USA GBR FRA DEU ITA ESP POL NLD BEL NOR DNK SWE FIN CAN AUS NZL JPN KOR IND IDN MYS SGP THA PHL VNM BRA ARG CHL MEX ZAF NGA KEN EGY ETH MAR TUR SAU ARE QAT ISR RUS CHN KAZ UZB PAK BGD LKA NPL GRC PRT ROU BGR HUN CZE SVK SVN HRV EST LVA LTU".split(
    " ",
  );
/** Region of framework i: the first 200 are African, so "all=1&region=africa" selects exactly 200. */
export const SUBSET_REGION = "africa";
export const SUBSET_SIZE = 200;

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const pad = (n: number, width = 4) => String(n).padStart(width, "0");
const isoDate = (rnd: () => number, from: number, to: number) =>
  `${from + Math.floor(rnd() * (to - from))}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`;

type Row = Record<string, string | number | null>;

/** Inserts rows into a table (column names from the first row). */
function insertAll(sqlite: Database.Database, table: string, rows: Row[]) {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const statement = sqlite.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
  );
  for (const row of rows) statement.run(row);
}

/** Prisma's text form of a DateTime in SQLite. */
const now = new Date().toISOString().replace("Z", "+00:00");

/** Writes the synthetic catalog into an empty, migrated SQLite database file. */
export function writeSyntheticCatalog(file: string, frameworks: number, dimensions: number, seed = 42): void {
  const rnd = random(seed);
  const regions = Object.keys(REGIONS).filter((r) => r !== SUBSET_REGION);
  const dims = Array.from({ length: dimensions }, (_, j) => {
    const valueType = TYPES[j % TYPES.length]!;
    return {
      id: `dim_${pad(j)}`,
      key: `dim_${pad(j, 2)}_${valueType}`,
      label: `${pick(rnd, WORDS)} ${pick(rnd, WORDS)} ${valueType} ${j + 1}`.replace(/^./, (c) => c.toUpperCase()),
      group: GROUPS[Math.floor((j * GROUPS.length) / dimensions)]!,
      valueType,
      options: JSON.stringify(
        valueType === "enum" ? ["integrated", "structured", "ad-hoc", "consultative", "none"] : [],
      ),
      description: null,
      position: j,
    };
  });

  const fws = Array.from({ length: frameworks }, (_, i) => {
    const defunct = rnd() < 0.15;
    const founded = isoDate(rnd, 1945, 2020);
    const name = `Synthetic ${pick(rnd, WORDS)} ${pick(rnd, WORDS)} framework ${pad(i + 1)}`;
    return {
      id: `fw_${pad(i)}`,
      slug: `synthetic-${pad(i + 1)}`,
      name,
      acronym: `SF${pad(i + 1)}`,
      kind: pick(rnd, Object.keys(KINDS)),
      region: i < SUBSET_SIZE ? SUBSET_REGION : pick(rnd, regions),
      status: defunct ? "defunct" : "active",
      founded,
      inForce: null,
      ended: defunct ? isoDate(rnd, Number(founded.slice(0, 4)) + 1, 2024) : null,
      headquarters: null,
      legalBasis: null,
      summary: `A synthetic framework for benchmarks (${i + 1}).`,
      searchText: `${name} sf${pad(i + 1)} synthetic-${pad(i + 1)}`.toLowerCase(),
      createdAt: now,
      updatedAt: now,
    };
  });

  const members = fws.flatMap((f) => {
    const count = 3 + Math.floor(rnd() * 12);
    const codes = new Set(Array.from({ length: count }, () => pick(rnd, COUNTRIES)));
    return [...codes].map((country, position) => ({
      id: `m_${f.id}_${position}`,
      frameworkId: f.id,
      country,
      role: "member",
      joined: f.founded,
      left: null,
      position,
    }));
  });

  const values: Row[] = [];
  const sources: Row[] = [];
  for (const f of fws) {
    for (const d of dims) {
      if (rnd() < 0.08) continue;
      const id = `av_${f.id}_${d.id}`;
      const value =
        d.valueType === "boolean"
          ? String(rnd() < 0.5)
          : d.valueType === "enum"
            ? pick(rnd, ["integrated", "structured", "ad-hoc", "consultative", "none"])
            : d.valueType === "number"
              ? String(Math.floor(rnd() * 60))
              : d.valueType === "date"
                ? isoDate(rnd, 1950, 2025)
                : `${pick(rnd, WORDS)} ${pick(rnd, WORDS)} cooperation, reviewed ${1990 + Math.floor(rnd() * 35)}`;
      values.push({
        id,
        frameworkId: f.id,
        dimensionId: d.id,
        value,
        note: rnd() < 0.3 ? `Note on ${d.key} for ${f.slug}.` : null,
        updatedAt: now,
      });
      const cited = 1 + Math.floor(rnd() * 2);
      const first = Math.floor(rnd() * 3);
      for (let k = 0; k < cited; k++) {
        const s = (first + k) % 3;
        sources.push({
          id: `${id}_s${k}`,
          attributeValueId: id,
          title: `${f.acronym} source document ${s + 1}`,
          url: `https://example.org/${f.slug}/source-${s + 1}`,
          publisher: "Example Institute",
          accessed: "2026-11-27",
          position: k,
        });
      }
    }
  }

  const sqlite = new Database(file);
  try {
    sqlite.transaction(() => {
      insertAll(sqlite, "Dimension", dims);
      insertAll(sqlite, "Framework", fws);
      insertAll(sqlite, "Membership", members);
      insertAll(sqlite, "AttributeValue", values);
      insertAll(sqlite, "Source", sources);
    })();
  } finally {
    sqlite.close();
  }
}
