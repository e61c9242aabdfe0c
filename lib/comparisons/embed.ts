import { type Actor, authorize } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getMatrix } from "@/lib/matrix/cached";
import { buildMatrix } from "@/lib/matrix/model";
import { parseViewState } from "@/lib/matrix/parse-view-state";
import { resolveViewState } from "@/lib/matrix/resolve";
import { selectionOf } from "@/lib/matrix/view-state";
import { getSavedComparison, listSavedComparisons } from "./queries";

/** The most frameworks an embedded matrix shows; the rest are a click away in Compare. */
export const EMBED_MAX_FRAMEWORKS = 20;

export type EmbedCell = { text: string; differs: boolean };
export type EmbedRow = { key: string; label: string; group: string | null; cells: EmbedCell[] };

/** A saved comparison as a plain table: what a briefing embeds (read-only) and links to. */
export type ComparisonEmbed = {
  id: string;
  name: string;
  updatedAt: string;
  /** The comparison on /compare, with its saved view state. */
  href: string;
  /** Header of the row-label column: "Dimension", or "Framework" when transposed. */
  corner: string;
  columns: { key: string; label: string }[];
  rows: EmbedRow[];
  highlightDifferences: boolean;
  /** Frameworks left out of the embed (see EMBED_MAX_FRAMEWORKS). */
  omittedFrameworks: number;
  /** Why the matrix differs from what was saved (frameworks or dimensions since removed). */
  notices: string[];
};

export type ComparisonOption = { id: string; name: string; ownerName: string; updatedAt: string };

/** Saved comparisons the user may read (their own and their teams'), for the embed picker. */
export async function listComparisonOptions(db: Db, userId: string): Promise<ComparisonOption[]> {
  const teamIds = (await db.member.findMany({ where: { userId }, select: { organizationId: true } })).map(
    (m) => m.organizationId,
  );
  const saved = await listSavedComparisons(db, { userId, teamIds });
  return saved.map(({ id, name, ownerName, updatedAt }) => ({ id, name, ownerName, updatedAt }));
}

/**
 * The saved comparison `id` rendered through the one matrix model (same ordering, hidden and
 * equal-row rules as /compare; collapsed groups are shown, a table cannot fold them). As embedded
 * in `briefingId`, it is authorized with `comparison:read-embedded` (the briefing's embed rule,
 * the same as share pages and exports); on its own with `comparison:read`. Throws not_found when
 * the actor may not see it.
 */
export async function getComparisonEmbed(
  db: Db,
  actor: Actor,
  id: string,
  briefingId?: string,
): Promise<ComparisonEmbed> {
  await authorize(
    db,
    actor,
    briefingId
      ? { action: "comparison:read-embedded", comparisonId: id, briefingId }
      : { action: "comparison:read", comparisonId: id },
  );
  const saved = await getSavedComparison(db, id);
  if (!saved) throw new AppError("not_found", "No such comparison.");
  const parsed = parseViewState(saved.state);
  const prepared = (await getMatrix(db, selectionOf(parsed.state))).prepared();
  const { data } = prepared;
  const resolved = resolveViewState(parsed.state, data);
  const model = buildMatrix(prepared, { ...resolved.state, collapsedGroups: [] });
  const shown = model.frameworks.slice(0, EMBED_MAX_FRAMEWORKS);
  const { frameworks, dimensions } = data;
  const cell = (f: number, d: number): EmbedCell => {
    const c = model.cellAt(f, d);
    return { text: c.display, differs: c.differs };
  };
  const frameworkLabel = (f: number) => frameworks[f]!.acronym ?? frameworks[f]!.name;
  const transpose = resolved.state.transpose;
  const columns = transpose
    ? model.dimensions.map((d) => ({ key: dimensions[d]!.key, label: dimensions[d]!.label }))
    : shown.map((f) => ({ key: frameworks[f]!.slug, label: frameworkLabel(f) }));
  // Rows follow the model (its row filter applies); columns are capped for readability.
  const shownSet = new Set(shown);
  const rows = model.rows.flatMap((row): EmbedRow[] => {
    if (row.kind === "framework" && shownSet.has(row.f)) {
      const cells = model.dimensions.map((d) => cell(row.f, d));
      return [{ key: row.framework.slug, label: frameworkLabel(row.f), group: null, cells }];
    }
    if (row.kind === "dimension") {
      const cells = shown.map((f) => cell(f, row.d));
      return [{ key: row.dimension.key, label: row.dimension.label, group: row.dimension.group, cells }];
    }
    return [];
  });
  return {
    id: saved.id,
    name: saved.name,
    updatedAt: saved.updatedAt,
    href: `/compare?${saved.state}`,
    corner: transpose ? "Framework" : "Dimension",
    columns,
    rows,
    highlightDifferences: resolved.state.highlightDifferences,
    omittedFrameworks: model.frameworks.length - shown.length,
    notices: [...parsed.notices, ...resolved.notices].map((n) => n.message),
  };
}
