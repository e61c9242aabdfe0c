import type { Metadata } from "next";
import { SUGGESTIONS } from "@/components/matrix/compare-empty-state";
import { CompareView } from "@/components/matrix/compare-view";
import { SaveComparison } from "@/components/matrix/save-comparison";
import { SavedComparisons } from "@/components/matrix/saved-comparisons";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { listSavedComparisons } from "@/lib/comparisons/queries";
import { getDb } from "@/lib/db";
import { getCompareView } from "@/lib/matrix/service";
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
  const db = getDb();
  const view = await getCompareView(
    db,
    await searchParams,
    SUGGESTIONS.flatMap((s) => s.slugs),
  );
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
        initialState={view.state}
        notices={view.notices}
        payload={view.payload}
        optionsPath={view.optionsPath}
        emptyState={view.emptyState}
        today={new Date().toISOString().slice(0, 10)}
        saveSlot={user ? <SaveComparison teams={teams} /> : null}
      />
      {user ? <SavedComparisons items={savedItems} /> : null}
    </>
  );
}
