import type { CatalogChangeView } from "./audit";
import { KINDS, MEMBER_STATUSES, REGIONS, ROLES, STATUSES } from "./constants";
import { countryName } from "./countries";
import { formatDate } from "./dates";
import { formatValue } from "./format";
import { SOURCE_TYPES } from "./source-policy";
import { decodeValue } from "./typed-value";

// The history in words: labels for fields, kinds, roles, countries and source types instead of the
// codes the audit trail stores.

export type DimensionLabel = { label: string; valueType: string };
export type ChangeDescription = { verb: string; what: string; before: string; after: string };

const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  acronym: "Acronym",
  kind: "Kind",
  region: "Region",
  status: "Status",
  founded: "Founded (signed)",
  inForce: "In force",
  ended: "Ended",
  headquarters: "Headquarters",
  legalBasis: "Legal basis",
  summary: "Summary",
  slug: "Identifier",
};
const DATE_FIELDS = new Set(["founded", "inForce", "ended"]);
const VOCABULARIES: Record<string, Record<string, string>> = { kind: KINDS, region: REGIONS, status: STATUSES };
const label = (vocabulary: Record<string, string>, code: unknown) => vocabulary[String(code)] ?? String(code);

function fieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (DATE_FIELDS.has(field)) return formatDate(String(value));
  const vocabulary = VOCABULARIES[field];
  return vocabulary ? label(vocabulary, value) : String(value);
}

type Member = {
  country?: string;
  role?: string;
  joined?: string | null;
  left?: string | null;
  status?: string;
  statusSince?: string | null;
};

function member(m: Member): string {
  const span =
    m.joined || m.left ? `, ${m.joined ? formatDate(m.joined) : "?"}–${m.left ? formatDate(m.left) : ""}` : "";
  const status =
    m.status && m.status !== "active"
      ? `, ${label(MEMBER_STATUSES, m.status).toLowerCase()} since ${formatDate(m.statusSince)}`
      : "";
  return `${countryName(String(m.country))} (${label(ROLES, m.role).toLowerCase()}${span}${status})`;
}

type Value = {
  value?: string;
  note?: string | null;
  asOf?: string | null;
  sources?: { title: string; type?: string }[];
};

function attributeValue(v: Value, dimension: DimensionLabel | undefined): string {
  const valueType = dimension?.valueType ?? "text";
  const shown = formatValue(valueType, decodeValue(valueType, String(v.value)));
  const note = v.note ? ` (${v.note})` : "";
  const asOf = v.asOf ? `, as of ${formatDate(v.asOf)}` : "";
  const sources = v.sources
    ? v.sources.length
      ? ` — sources: ${v.sources.map((s) => (s.type ? `${s.title} [${label(SOURCE_TYPES, s.type)}]` : s.title)).join("; ")}`
      : " — no source"
    : "";
  return `${shown}${note}${asOf}${sources}`;
}

function describeValue(c: CatalogChangeView, value: unknown, dims: Record<string, DimensionLabel>): string {
  if (value === null || value === undefined) return "—";
  if (c.entity === "member") return Array.isArray(value) ? (value as Member[]).map(member).join("; ") || "none" : "—";
  if (c.entity === "attribute") return attributeValue(value as Value, dims[c.entityKey]);
  return Object.entries(value as Record<string, unknown>)
    .filter(([k]) => k !== "slug" || c.action === "create")
    .map(([k, x]) => `${FIELD_LABELS[k] ?? k}: ${fieldValue(k, x)}`)
    .join(", ");
}

/** One history entry in words: "changed" "Decision rule", with labelled before and after values. */
export function describeChange(c: CatalogChangeView, dims: Record<string, DimensionLabel>): ChangeDescription {
  const verb = c.revertOf
    ? "reverted"
    : c.action === "create"
      ? "added"
      : c.action === "delete"
        ? "deleted"
        : "changed";
  const what =
    c.entity === "attribute"
      ? (dims[c.entityKey]?.label ?? c.entityKey)
      : c.entity === "member"
        ? "Members"
        : c.entity === "dimension"
          ? `Dimension ${c.entityKey}`
          : "Details";
  return { verb, what, before: describeValue(c, c.before, dims), after: describeValue(c, c.after, dims) };
}
