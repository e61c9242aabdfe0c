import type { Metadata } from "next";
import { preload } from "react-dom";
import { SUGGESTIONS } from "@/components/matrix/compare-empty-state";
import { CompareView } from "@/components/matrix/compare-view";
import { SaveComparison } from "@/components/matrix/save-comparison";
import { SavedComparisons } from "@/components/matrix/saved-comparisons";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { listSavedComparisons } from "@/lib/comparisons/queries";
import { getDb } from "@/lib/db";
import { frameworkOptionsPath, getMatrix, matrixDataPath } from "@/lib/matrix/cached";
import { parseViewState } from "@/lib/matrix/parse-view-state";
import { resolveViewState } from "@/lib/matrix/resolve";
import { hasSelection, selectionOf } from "@/lib/matrix/view-state";
import { listTeamsForUser } from "@/lib/teams/queries";
import "./compare.css";
import "./picker.css";
import "./toolbar.css";
import "./grid.css";
import "./popover.css";
import "./charts.css";
import "./print.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare frameworks" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseViewState(await searchParams);
  const db = getDb();
  const empty = !hasSelection(parsed.state);
  const [matrix, frameworkCount, known] = await Promise.all([
    getMatrix(db, selectionOf(parsed.state)),
    empty ? db.framework.count() : 0,
    empty
      ? db.framework.findMany({ where: { slug: { in: SUGGESTIONS.flatMap((s) => s.slugs) } }, select: { slug: true } })
      : [],
  ]);
  // The data reaches the browser as a request of its own, started now (it may take a while for a
  // large selection), not inside this page: the page's HTML stays small and paints at once.
  const dataPath = matrixDataPath(matrix);
  preload(dataPath, { as: "fetch", crossOrigin: "anonymous" });
  const resolved = resolveViewState(parsed.state, matrix.prepared().data);
  const user = await getCurrentUser();
  const teams = user ? await listTeamsForUser(db, user.id) : [];
  const saved = user ? await listSavedComparisons(db, { userId: user.id, teamIds: teams.map((t) => t.id) }) : [];
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const savedItems = await Promise.all(
    saved.map(async (c) => ({
      ...c,
      teamName: c.teamId ? (teamNames.get(c.teamId) ?? null) : null,
      canDelete: await can(db, user, { action: "comparison:edit", comparisonId: c.id }),
    })),
  );
  return (
    <>
      <div className="page-header">
        <h1>Compare frameworks</h1>
        <p className="lede">Side by side, dimension by dimension; every value with its sources.</p>
      </div>
      <CompareView
        initialState={resolved.state}
        notices={[...parsed.notices, ...resolved.notices]}
        source={{ key: matrix.key, path: dataPath }}
        optionsPath={frameworkOptionsPath(matrix)}
        emptyState={{ frameworkCount, known: known.map((f) => f.slug) }}
        today={new Date().toISOString().slice(0, 10)}
        saveSlot={user ? <SaveComparison teams={teams} /> : null}
      />
      {user ? <SavedComparisons items={savedItems} /> : null}
    </>
  );
}
