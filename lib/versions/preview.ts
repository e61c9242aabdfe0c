import type { JSONContent } from "@tiptap/core";
import { KINDS, REGIONS, STATUSES } from "@/lib/catalog/constants";
import { formatDate, formatSpan } from "@/lib/catalog/format";
import { blocksOf } from "@/lib/export/blocks";
import type { CardInput } from "@/lib/export/cards";
import type { CardView, ExportDocument, Fact, MatrixView } from "@/lib/export/types";

/**
 * A version's document as the export block model WITHOUT the database, for the browser: pinned
 * cards show the facts frozen in their snapshot (as they were), live cards and comparisons say
 * that they follow the catalog. For full fidelity (live cards from the catalog, comparison tables
 * and numbered sources, under the embed rule) resolve on the server with
 * `resolveContent(db, briefingId, json)` from lib/export/document.ts and pass that instead.
 */
export function offlinePreviewContent(json: JSONContent): Pick<ExportDocument, "blocks" | "sources"> {
  return { blocks: blocksOf(json, { card: offlineCard, comparison: offlineComparison }), sources: [] };
}

const str = (value: unknown) => (typeof value === "string" ? value : "");
const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

type Snapshot = Record<string, unknown>;

function parseSnapshot(snapshot: string | null): Snapshot | null {
  if (!snapshot) return null;
  try {
    const parsed: unknown = JSON.parse(snapshot);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) && str((parsed as Snapshot).name)
      ? (parsed as Snapshot)
      : null;
  } catch {
    return null;
  }
}

function snapshotFacts(s: Snapshot): Fact[] {
  const facts: Fact[] = [];
  const add = (name: string, value: string) => value && facts.push({ label: name, value, refs: [] });
  add("Kind", label(KINDS, str(s.kind)));
  add("Region", label(REGIONS, str(s.region)));
  add("Years", formatSpan(str(s.founded) || null, str(s.ended) || null));
  if (typeof s.memberCount === "number")
    add(s.status === "defunct" ? "Members at end" : "Members", String(s.memberCount));
  add("Headquarters", str(s.headquarters));
  for (const cited of Array.isArray(s.cited) ? (s.cited as Snapshot[]) : []) add(str(cited.label), str(cited.display));
  return facts;
}

/** A card from its own attributes: a pinned snapshot's facts, or a note that a live card follows the catalog. */
export function offlineCard(input: CardInput): CardView {
  const pinned = input.mode === "pinned" ? parseSnapshot(input.snapshot) : null;
  const url = input.slug ? `/frameworks/${encodeURIComponent(input.slug)}` : null;
  if (!pinned) {
    return {
      slug: input.slug,
      name: input.slug || "Unnamed framework",
      acronym: null,
      status: "",
      mode: input.mode,
      note:
        input.mode === "pinned"
          ? "Pinned snapshot unreadable"
          : "Live card: shows the current catalog entry, not a copy kept with this version",
      facts: [],
      summary: "",
      url,
      found: false,
    };
  }
  const name = str(pinned.name);
  const acronym = str(pinned.acronym);
  return {
    slug: str(pinned.slug) || input.slug,
    name,
    acronym: acronym && acronym !== name ? acronym : null,
    status: label(STATUSES, str(pinned.status)),
    mode: "pinned",
    note: input.pinnedAt ? `Pinned ${formatDate(input.pinnedAt.slice(0, 10))}` : "Pinned",
    facts: snapshotFacts(pinned),
    summary: str(pinned.summary),
    url,
    found: true,
  };
}

/** A comparison by its title only: its table is read from the catalog on the server. */
export function offlineComparison({ title }: { comparisonId: string; title: string }): MatrixView {
  return {
    title: title || "Untitled comparison",
    corner: "",
    columns: [],
    rows: [],
    notices: ["The comparison's table is shown in the live document and in exports."],
    found: false,
  };
}
