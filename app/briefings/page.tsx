import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateBriefingForm } from "@/components/briefings/create-briefing-form";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { listBriefings } from "@/lib/briefings/queries";
import { getDb } from "@/lib/db";
import { listTeamsForUser } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Briefings" };

export default async function BriefingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/briefings");
  const db = getDb();
  const [briefings, teams] = await Promise.all([listBriefings(db, user.id), listTeamsForUser(db, user.id)]);
  return (
    <>
      <div className="page-header">
        <h1>Briefings</h1>
        <p className="lede">Yours, your teams' and those shared with you.</p>
      </div>
      <CreateBriefingForm teams={teams} />
      {briefings.length === 0 ? (
        <div className="empty-state">
          <h2>No briefings yet</h2>
          <p>Create one above; share it with a team or a colleague when it is ready for co-authoring.</p>
        </div>
      ) : (
        <ul className="briefing-list">
          {briefings.map((b) => (
            <li key={b.id}>
              <Link href={`/briefings/${b.id}`}>{b.title}</Link>
              <span className="muted">
                {" "}
                · {ROLE_LABELS[b.role]} · {b.teamName ?? b.ownerName} · updated {b.updatedAt.slice(0, 10)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
