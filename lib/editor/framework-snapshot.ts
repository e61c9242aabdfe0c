import { z } from "zod";
import { KINDS, keysOf, REGIONS, STATUSES } from "@/lib/catalog/constants";
import type { FrameworkDetail, FrameworkSummary } from "@/lib/catalog/types";
import type { FrameworkCardAttrs } from "./nodes/framework-card";

const text = (max: number) => z.string().max(max);
const date = z.string().max(40).nullable();

/** The cited values a framework card carries (and exports number in its Sources), in this order. */
export const CARD_CITED_DIMENSIONS = [
  "collective_defence_clause",
  "defence_clause_strength",
  "legally_binding",
  "decision_rule",
  "member_count",
];

const citedSourceSchema = z.object({
  title: text(500),
  url: text(2000),
  publisher: text(300).nullish(),
  accessed: text(40).nullish(),
});

const citedValueSchema = z.object({
  key: text(100),
  label: text(300),
  display: text(2000),
  sources: z.array(citedSourceSchema).max(50),
});

/**
 * What a pinned framework card stores (as JSON in its `snapshot` attribute): the card's facts at
 * pin time and the catalog version they came from. Parsed defensively: the document is shared,
 * so any editor's client could have written anything there.
 */
export const frameworkSnapshotSchema = z.object({
  slug: text(100),
  name: text(300),
  acronym: text(60).nullable(),
  kind: z.enum(keysOf(KINDS)),
  region: z.enum(keysOf(REGIONS)),
  status: z.enum(keysOf(STATUSES)),
  founded: date,
  ended: date,
  headquarters: text(300).nullable(),
  summary: text(5000),
  memberCount: z.number().int().min(0),
  /** The framework's updatedAt when the snapshot was taken. */
  catalogUpdatedAt: z.string().max(40),
  /** The card's cited values with their sources at pin time (exports cite them). */
  cited: z.array(citedValueSchema).max(CARD_CITED_DIMENSIONS.length).optional(),
});

export type CitedValue = z.infer<typeof citedValueSchema>;
export type FrameworkSnapshot = FrameworkSummary & { catalogUpdatedAt: string; cited?: CitedValue[] };

/** The card's cited values of a framework, in CARD_CITED_DIMENSIONS order. */
function citedValuesOf(f: FrameworkDetail): CitedValue[] {
  const attributes = f.groups.flatMap((g) => g.attributes);
  return CARD_CITED_DIMENSIONS.flatMap((key) => {
    const a = attributes.find((attribute) => attribute.key === key);
    if (!a) return [];
    const sources = a.sources.map(({ title, url, publisher, accessed }) => ({ title, url, publisher, accessed }));
    return [{ key: a.key, label: a.label, display: a.display, sources }];
  });
}

/** The snapshot of a framework as the catalog returns it now. */
export function snapshotOf(f: FrameworkDetail): FrameworkSnapshot {
  return {
    slug: f.slug,
    name: f.name,
    acronym: f.acronym,
    kind: f.kind,
    region: f.region,
    status: f.status,
    founded: f.founded,
    ended: f.ended,
    headquarters: f.headquarters,
    summary: f.summary,
    memberCount: f.memberCount,
    catalogUpdatedAt: f.updatedAt,
    cited: citedValuesOf(f),
  };
}

/** The attributes of a card pinned to this framework's current facts, at `now`. */
export function pinnedAttrs(f: FrameworkDetail, now = new Date()): FrameworkCardAttrs {
  return { slug: f.slug, mode: "pinned", pinnedAt: now.toISOString(), snapshot: JSON.stringify(snapshotOf(f)) };
}

/** The attributes of a card that follows the catalog. */
export function liveAttrs(slug: string): FrameworkCardAttrs {
  return { slug, mode: "live", pinnedAt: null, snapshot: null };
}

/** A stored snapshot, or null when it is missing or not a valid snapshot. */
export function parseSnapshot(json: string | null): FrameworkSnapshot | null {
  if (!json) return null;
  try {
    const parsed = frameworkSnapshotSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * True when the catalog changed the framework after the card was pinned: its updatedAt is later
 * than the version the snapshot came from (or, for a snapshot without one, than pinnedAt).
 * Comparing the catalog's own timestamps keeps browser clock skew out of it.
 */
export function changedSincePinned(
  attrs: Pick<FrameworkCardAttrs, "pinnedAt">,
  snapshot: FrameworkSnapshot | null,
  catalogUpdatedAt: string,
): boolean {
  const reference = snapshot?.catalogUpdatedAt ?? attrs.pinnedAt;
  if (!reference) return false;
  const then = Date.parse(reference);
  const now = Date.parse(catalogUpdatedAt);
  return Number.isFinite(then) && Number.isFinite(now) && now > then;
}
