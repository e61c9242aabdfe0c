import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BriefingList } from "@/components/briefings/briefing-list";
import { BriefingSearch } from "@/components/briefings/briefing-search";
import { BriefingTabs } from "@/components/briefings/briefing-tabs";
import { CreateBriefingForm } from "@/components/briefings/create-briefing-form";
import { getCurrentUser } from "@/lib/auth/session";
import { BRIEFING_LIST_LIMIT, BRIEFING_VIEWS, type BriefingView, listBriefings } from "@/lib/briefings/queries";
import { BRIEFING_TEMPLATES } from "@/lib/briefings/templates";
import { BRIEFING_CLEARANCE_STATES, CLEARANCE_STATE_LABELS } from "@/lib/clearance/machine";
import { briefingClearanceStates } from "@/lib/clearance/queries";
import { getDb } from "@/lib/db";
import { listTeamsForUser } from "@/lib/teams/queries";
import "./briefings.css";

export const metadata: Metadata = { title: "Briefings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const EMPTY: Record<BriefingView, { title: string; text: string }> = {
  all: { title: "No briefings yet", text: "Create one with the form; share it when it is ready for co-authoring." },
  mine: { title: "You have not created a briefing yet", text: "Start one from a template with the form." },
  team: { title: "Nothing from your teams", text: "Briefings created for a team, or shared with it, appear here." },
  shared: { title: "Nothing shared with you", text: "When a colleague shares a briefing with you, it appears here." },
  trash: { title: "The trash is empty", text: "Deleted briefings stay here until you restore them." },
};

const LABELS: Record<BriefingView, string> = {
  all: "All briefings",
  mine: "My briefings",
  team: "My teams' briefings",
  shared: "Shared with me",
  trash: "Trash",
};

export default async function BriefingsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/briefings");
  const params = await searchParams;
  const view = BRIEFING_VIEWS.find((v) => v === params.view) ?? "all";
  const q = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const db = getDb();
  const [list, teams] = await Promise.all([listBriefings(db, user.id, { view, q }), listTeamsForUser(db, user.id)]);
  // Clearance state of the listed briefings (the badge on each row) and the state filter.
  const states = await briefingClearanceStates(
    db,
    list.items.map((item) => item.id),
  );
  const clearance = BRIEFING_CLEARANCE_STATES.find((state) => state === params.clearance) ?? null;
  const items = (clearance ? list.items.filter((item) => states.get(item.id) === clearance) : list.items).map(
    (item) => ({
      ...item,
      clearanceState: states.get(item.id) ?? "draft",
    }),
  );
  const filterHref = (state: string | null) => {
    const query = new URLSearchParams({ view, ...(q ? { q } : {}), ...(state ? { clearance: state } : {}) });
    return `/briefings?${query}`;
  };
  const templates = BRIEFING_TEMPLATES.map(({ id, label, description }) => ({ id, label, description }));
  return (
    <>
      <div className="page-header">
        <h1>Briefings</h1>
        <p className="lede">Yours, your teams' and those shared with you.</p>
      </div>
      <div className="briefings-layout">
        <section className="briefings-layout__main" aria-label={LABELS[view]}>
          <BriefingSearch initial={q} />
          <BriefingTabs view={view} q={q} counts={list.counts} />
          {view === "trash" && list.items.length ? (
            <p className="muted">Only the owner of a briefing can restore it.</p>
          ) : null}
          <nav aria-label="Filter by clearance state" className="briefing-filter muted">
            Clearance:{" "}
            {[null, ...BRIEFING_CLEARANCE_STATES].map((state) => (
              <a
                key={state ?? "any"}
                href={filterHref(state)}
                aria-current={state === clearance ? "page" : undefined}
                className="briefing-filter__link"
              >
                {state ? CLEARANCE_STATE_LABELS[state] : "Any"}
              </a>
            ))}
          </nav>
          <BriefingList items={items} label={LABELS[view]} />
          {items.length === 0 ? (
            <div className="empty-state">
              {q ? (
                <>
                  <h2>No titles match “{q}”</h2>
                  <p>Search looks at titles, ignoring case and accents. Try a shorter word.</p>
                </>
              ) : (
                <>
                  <h2>{EMPTY[view].title}</h2>
                  <p>{EMPTY[view].text}</p>
                </>
              )}
            </div>
          ) : null}
          {list.truncated ? (
            <p className="muted">Showing the {BRIEFING_LIST_LIMIT} most recently changed; search to find others.</p>
          ) : null}
        </section>
        {view === "trash" ? null : (
          <aside className="briefings-layout__aside">
            <CreateBriefingForm teams={teams} templates={templates} />
          </aside>
        )}
      </div>
    </>
  );
}
