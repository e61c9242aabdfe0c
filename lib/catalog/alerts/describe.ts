import type { CatalogChangeView } from "../audit";
import { formatValue } from "../format";
import { type DimensionLabel, describeChange } from "../history-labels";
import { SOURCE_TYPES } from "../source-policy";
import { decodeValue } from "../typed-value";

/** A source as a change notice lists it. */
export type NoticeSource = { title: string; url: string; type: string | null; typeLabel: string | null };

/** What changed, in words: the old and new value and the sources of each (attributes only). */
export type ChangeNotice = {
  verb: string;
  what: string;
  before: string;
  after: string;
  beforeSources: NoticeSource[];
  afterSources: NoticeSource[];
};

type StoredValue = { value?: unknown; note?: unknown; sources?: unknown };

function sourcesOf(value: unknown): NoticeSource[] {
  const sources = (value as StoredValue | null)?.sources;
  if (!Array.isArray(sources)) return [];
  return sources.map((s: { title?: unknown; url?: unknown; type?: unknown }) => {
    const type = typeof s.type === "string" ? s.type : null;
    return {
      title: String(s.title ?? ""),
      url: String(s.url ?? ""),
      type,
      typeLabel: type ? ((SOURCE_TYPES as Record<string, string>)[type] ?? type) : null,
    };
  });
}

function valueText(value: unknown, dimension: DimensionLabel | undefined, withNote: boolean): string {
  const v = value as StoredValue | null;
  if (!v || v.value === undefined) return "—";
  const valueType = dimension?.valueType ?? "text";
  const shown = formatValue(valueType, decodeValue(valueType, String(v.value)));
  return withNote && typeof v.note === "string" && v.note ? `${shown} (${v.note})` : shown;
}

const noteOf = (value: unknown) => (value as StoredValue | null)?.note ?? null;

/**
 * A change as a notice shows it: labelled old -> new values; for a value, its text without the
 * sources (listed apart, with their types, so a reader can follow them), and its note only when
 * the note changed too.
 */
export function describeNotice(c: CatalogChangeView, dims: Record<string, DimensionLabel>): ChangeNotice {
  const words = describeChange(c, dims);
  if (c.entity !== "attribute") return { ...words, beforeSources: [], afterSources: [] };
  const dimension = dims[c.entityKey];
  const withNote = noteOf(c.before) !== noteOf(c.after);
  return {
    ...words,
    before: valueText(c.before, dimension, withNote),
    after: valueText(c.after, dimension, withNote),
    beforeSources: sourcesOf(c.before),
    afterSources: sourcesOf(c.after),
  };
}

/** One line for an inbox excerpt: "NATO · Member count: 32 → 33". */
export function noticeLine(frameworkName: string, n: ChangeNotice): string {
  return `${frameworkName} · ${n.what}: ${n.before} → ${n.after}`;
}
