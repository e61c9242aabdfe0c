import type { Db } from "@/lib/db";
import { CARD_CITED_DIMENSIONS } from "@/lib/editor/framework-snapshot";
import { COMPARISON_NODE } from "@/lib/editor/nodes/comparison";
import { FRAMEWORK_CARD_NODE } from "@/lib/editor/nodes/framework-card";
import { parseViewState } from "@/lib/matrix/parse-view-state";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The most briefings one catalog change alerts (a change to NATO must not become an unbounded write). */
export const MAX_ALERTED_BRIEFINGS = 500;
/** The most saved comparisons one change looks for in briefings (each is one more OR term). */
export const MAX_MATCHED_COMPARISONS = 200;

/** How a briefing cites a framework. */
export type CitationVia = "card" | "comparison";

/** What a catalog change concerns, as recorded in CatalogChange. */
export type ChangeTarget = { frameworkSlug: string; entity: string; entityKey: string };

/** A briefing that cites what changed. */
export type CitingBriefing = { briefingId: string; ownerId: string; via: CitationVia };

type DocNode = { type?: unknown; attrs?: Record<string, unknown> | null; content?: unknown };

/** The framework slugs of the cards and the ids of the embedded comparisons in a document's JSON. */
export function citationsOf(json: unknown): { cards: Set<string>; comparisons: Set<string> } {
  const cards = new Set<string>();
  const comparisons = new Set<string>();
  const stack: unknown[] = [json];
  while (stack.length) {
    const node = stack.pop() as DocNode | null;
    if (!node || typeof node !== "object") continue;
    const attrs = node.attrs ?? {};
    if (node.type === FRAMEWORK_CARD_NODE && typeof attrs.slug === "string") cards.add(attrs.slug);
    if (node.type === COMPARISON_NODE && typeof attrs.comparisonId === "string") comparisons.add(attrs.comparisonId);
    if (Array.isArray(node.content)) stack.push(...node.content);
  }
  return { cards, comparisons };
}

/**
 * Whether a framework card shows what changed: its facts (framework fields), its member count and
 * the values it cites (CARD_CITED_DIMENSIONS, which exports number in its sources).
 */
export function cardShows(target: Pick<ChangeTarget, "entity" | "entityKey">): boolean {
  if (target.entity === "framework") return target.entityKey === "fields";
  if (target.entity === "member") return true;
  return target.entity === "attribute" && CARD_CITED_DIMENSIONS.includes(target.entityKey);
}

/** Whether a comparison (a matrix of dimension values) shows what changed. */
function comparisonShows(target: Pick<ChangeTarget, "entity">): boolean {
  return target.entity === "attribute" || target.entity === "member";
}

/**
 * Saved comparisons whose view selects the framework (by name, or through a catalog scope) and do
 * not hide the changed dimension. The text filter narrows the rows read; the parsed state decides.
 */
async function comparisonsShowing(tx: Tx, target: ChangeTarget): Promise<string[]> {
  const rows = await tx.savedComparison.findMany({
    where: { OR: [{ state: { contains: target.frameworkSlug } }, { state: { contains: "all=" } }] },
    select: { id: true, state: true },
  });
  const ids: string[] = [];
  for (const row of rows) {
    const { state } = parseViewState(row.state);
    const selected = state.frameworks.includes(target.frameworkSlug) || state.scope !== null;
    const hidden = target.entity === "attribute" && state.hiddenDimensions.includes(target.entityKey);
    if (selected && !hidden) ids.push(row.id);
    if (ids.length >= MAX_MATCHED_COMPARISONS) break;
  }
  return ids;
}

/**
 * The briefings (not in the trash) whose stored content cites what changed: a framework card of
 * the framework (live or pinned) or an embedded comparison showing it. The database narrows by
 * text (`"slug":"nato"`, `"comparisonId":"…"` in Briefing.contentJson), then each candidate's JSON
 * is walked to confirm, so a slug quoted in the text is not a citation.
 */
export async function findCitingBriefings(tx: Tx, target: ChangeTarget): Promise<CitingBriefing[]> {
  const byCard = cardShows(target);
  const comparisonIds = comparisonShows(target) ? await comparisonsShowing(tx, target) : [];
  const terms = [
    ...(byCard ? [`"slug":${JSON.stringify(target.frameworkSlug)}`] : []),
    ...comparisonIds.map((id) => `"comparisonId":${JSON.stringify(id)}`),
  ];
  if (!terms.length) return [];
  const candidates = await tx.briefing.findMany({
    where: { deletedAt: null, OR: terms.map((term) => ({ contentJson: { contains: term } })) },
    select: { id: true, ownerId: true, contentJson: true },
    orderBy: { id: "asc" },
    take: MAX_ALERTED_BRIEFINGS * 2,
  });
  const wanted = new Set(comparisonIds);
  const citing: CitingBriefing[] = [];
  for (const b of candidates) {
    let json: unknown;
    try {
      json = JSON.parse(b.contentJson ?? "null");
    } catch {
      continue;
    }
    const { cards, comparisons } = citationsOf(json);
    const via: CitationVia | null =
      byCard && cards.has(target.frameworkSlug)
        ? "card"
        : [...comparisons].some((id) => wanted.has(id))
          ? "comparison"
          : null;
    if (via) citing.push({ briefingId: b.id, ownerId: b.ownerId, via });
    if (citing.length >= MAX_ALERTED_BRIEFINGS) break;
  }
  return citing;
}
