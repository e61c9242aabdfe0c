import { z } from "zod";
import { KINDS, REGIONS, STATUSES } from "@/lib/catalog/constants";
import { formatDate, formatSpan, formatValue } from "@/lib/catalog/format";
import { countMembers, summarySelect } from "@/lib/catalog/queries";
import { decodeValue } from "@/lib/catalog/schema";
import type { Db } from "@/lib/db";
import { CARD_CITED_DIMENSIONS } from "@/lib/editor/framework-snapshot";
import { type CitedSource, refsText, type SourceRegistry } from "./sources";
import type { CardView, Fact } from "./types";

const MEMBER_COUNT = "member_count";

const text = z.string().max(5000);
const optionalText = text.nullish().transform((v) => v ?? null);
const citedSource = z.object({ title: text, url: text, publisher: optionalText, accessed: optionalText });

/**
 * What a pinned card stores in its `snapshot` attribute (JSON): the card's facts at pin time and,
 * optionally, the cited values with their sources. Lenient on purpose: unknown fields are ignored
 * and a snapshot that does not parse is reported, never trusted.
 */
export const cardSnapshotSchema = z.object({
  slug: text.optional(),
  name: text,
  acronym: optionalText,
  kind: text.optional().default(""),
  region: text.optional().default(""),
  status: text.optional().default(""),
  founded: optionalText,
  ended: optionalText,
  headquarters: optionalText,
  summary: text.optional().default(""),
  memberCount: z.number().int().min(0).nullish(),
  cited: z
    .array(z.object({ key: text, label: text, display: text, sources: z.array(citedSource).max(50) }))
    .max(50)
    .optional()
    .default([]),
});

/** The facts of one card before source numbering: a snapshot or a live catalog row. */
export type CardFacts = z.infer<typeof cardSnapshotSchema>;

/** Parses a pinned card's snapshot attribute; null when it is missing or malformed. */
export function parseCardSnapshot(snapshot: unknown): CardFacts | null {
  if (typeof snapshot !== "string" || !snapshot) return null;
  try {
    const parsed = cardSnapshotSchema.safeParse(JSON.parse(snapshot));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/**
 * Live card facts for several slugs in one query: summary fields, the member count and the cited
 * values listed in CARD_CITED_DIMENSIONS. Missing slugs are absent from the map.
 */
export async function loadLiveCards(db: Db, slugs: string[]): Promise<Map<string, CardFacts>> {
  if (!slugs.length) return new Map();
  const rows = await db.framework.findMany({
    where: { slug: { in: [...new Set(slugs)] } },
    select: {
      ...summarySelect,
      attributes: {
        where: { dimension: { key: { in: CARD_CITED_DIMENSIONS } } },
        select: {
          value: true,
          dimension: { select: { key: true, label: true, valueType: true, position: true } },
          sources: {
            orderBy: { position: "asc" },
            select: { title: true, url: true, publisher: true, accessed: true },
          },
        },
      },
    },
  });
  return new Map(
    rows.map(({ members, attributes, ...row }) => {
      const cited = [...attributes]
        .sort((a, b) => a.dimension.position - b.dimension.position)
        .map((a) => ({
          key: a.dimension.key,
          label: a.dimension.label,
          display: formatValue(a.dimension.valueType, decodeValue(a.dimension.valueType, a.value)),
          sources: a.sources,
        }));
      return [row.slug, { ...row, memberCount: countMembers(members, row.ended), cited }];
    }),
  );
}

/** The catalog facts a card snapshot should hold (for the editor's "pin" action and for tests). */
export function cardSnapshotOf(facts: CardFacts): string {
  return JSON.stringify(cardSnapshotSchema.parse(facts));
}

export type CardInput = { slug: string; mode: "live" | "pinned"; pinnedAt: string | null; snapshot: string | null };

function missingCard(input: CardInput, note: string): CardView {
  return {
    slug: input.slug,
    name: input.slug || "Unnamed framework",
    acronym: null,
    status: "",
    mode: input.mode,
    note,
    facts: [],
    summary: "",
    url: null,
    found: false,
  };
}

/**
 * Resolves one card: pinned cards use their snapshot (falling back to the live catalog, with a
 * note, when the snapshot is unreadable), live cards use the catalog. Cited sources are numbered
 * in `registry` as they are met, so numbers follow the document order.
 */
export function resolveCard(
  input: CardInput,
  live: Map<string, CardFacts>,
  registry: SourceRegistry,
  frameworkUrl: (slug: string) => string,
): CardView {
  const pinned = input.mode === "pinned" ? parseCardSnapshot(input.snapshot) : null;
  const current = live.get(input.slug);
  let facts: CardFacts | undefined;
  let note: string;
  if (pinned) {
    facts = pinned;
    note = input.pinnedAt ? `Pinned ${formatDate(input.pinnedAt.slice(0, 10))}` : "Pinned";
  } else if (current) {
    facts = current;
    note = input.mode === "pinned" ? "Pinned snapshot unreadable: current catalog shown" : "Live: current catalog";
  } else {
    return missingCard(input, `Framework "${input.slug}" is not in the catalog.`);
  }
  return cardView(input, facts, note, registry, frameworkUrl);
}

function cardView(
  input: CardInput,
  f: CardFacts,
  note: string,
  registry: SourceRegistry,
  frameworkUrl: (slug: string) => string,
): CardView {
  const cite = (sources: CitedSource[]) => registry.citeAll(sources);
  const memberSources = f.cited.find((c) => c.key === MEMBER_COUNT)?.sources ?? [];
  const facts: Fact[] = [
    { label: "Kind", value: label(KINDS, f.kind), refs: [] },
    { label: "Region", value: label(REGIONS, f.region), refs: [] },
    { label: "Years", value: formatSpan(f.founded, f.ended), refs: [] },
  ];
  if (f.memberCount !== null && f.memberCount !== undefined) {
    const members = f.status === "defunct" ? "Members at end" : "Members";
    facts.push({ label: members, value: String(f.memberCount), refs: cite(memberSources) });
  }
  if (f.headquarters) facts.push({ label: "Headquarters", value: f.headquarters, refs: [] });
  for (const c of f.cited) {
    if (c.key !== MEMBER_COUNT) facts.push({ label: c.label, value: c.display, refs: cite(c.sources) });
  }
  const slug = f.slug ?? input.slug;
  return {
    slug,
    name: f.name,
    acronym: f.acronym && f.acronym !== f.name ? f.acronym : null,
    status: label(STATUSES, f.status),
    mode: input.mode,
    note,
    facts,
    summary: f.summary,
    url: slug ? frameworkUrl(slug) : null,
    found: true,
  };
}

/** A fact's value with its references, as plain text ("Consensus [3]"). */
export function factText(fact: Fact): string {
  const refs = refsText(fact.refs);
  return refs ? `${fact.value} ${refs}` : fact.value;
}
