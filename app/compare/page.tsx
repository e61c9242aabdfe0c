import type { Metadata } from "next";
import { CompareView } from "@/components/matrix/compare-view";
import { SaveComparison } from "@/components/matrix/save-comparison";
import { SavedComparisons } from "@/components/matrix/saved-comparisons";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { listSavedComparisons } from "@/lib/comparisons/queries";
import { getDb } from "@/lib/db";
import { parseViewState } from "@/lib/matrix/parse-view-state";
import { packMatrixData } from "@/lib/matrix/payload";
import { listFrameworkOptions, loadMatrixData } from "@/lib/matrix/queries";
import { resolveViewState } from "@/lib/matrix/resolve";
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
  const selection = parsed.state.scope ? { scope: parsed.state.scope } : { frameworks: parsed.state.frameworks };
  // Comparing "all frameworks matching", the picker is disabled: its list of every framework (one
  // per framework in the catalog) would only weigh on the page. Clearing the scope reloads it.
  const [data, options] = await Promise.all([
    loadMatrixData(db, selection),
    parsed.state.scope ? [] : listFrameworkOptions(db),
  ]);
  const resolved = resolveViewState(parsed.state, data);
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
        payload={packMatrixData(data)}
        options={options}
        today={new Date().toISOString().slice(0, 10)}
        saveSlot={user ? <SaveComparison teams={teams} /> : null}
      />
      {user ? <SavedComparisons items={savedItems} /> : null}
    </>
  );
}
