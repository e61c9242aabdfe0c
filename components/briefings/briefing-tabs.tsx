import Link from "next/link";
import type { BriefingView } from "@/lib/briefings/queries";

const TABS: { view: BriefingView; label: string }[] = [
  { view: "all", label: "All" },
  { view: "mine", label: "Mine" },
  { view: "team", label: "My teams'" },
  { view: "shared", label: "Shared with me" },
  { view: "trash", label: "Trash" },
];

/** The URL of the list for a view and search. */
export function briefingsHref(view: BriefingView, q: string): string {
  const params = new URLSearchParams();
  if (view !== "all") params.set("view", view);
  if (q) params.set("q", q);
  const query = params.toString();
  return query ? `/briefings?${query}` : "/briefings";
}

export type BriefingTabsProps = { view: BriefingView; q: string; counts: Record<BriefingView, number> };

/** Filter tabs (links, so every view has a URL), each with its count for the current search. */
export function BriefingTabs({ view, q, counts }: BriefingTabsProps) {
  return (
    <nav aria-label="Briefing lists" className="tabs">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.view}>
            <Link
              href={briefingsHref(tab.view, q)}
              className="tabs__tab"
              aria-current={tab.view === view ? "page" : undefined}
            >
              {tab.label} <span className="tabs__count">{counts[tab.view]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
