import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listTeamsForUser } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?next=/teams");
  const teams = await listTeamsForUser(getDb(), user.id);
  return (
    <>
      <div className="page-header">
        <h1>Teams</h1>
        <p className="lede">Teams share briefings and saved comparisons. You can belong to several.</p>
      </div>
      <CreateTeamForm />
      {teams.length === 0 ? (
        <div className="empty-state">
          <h2>You are not in a team yet</h2>
          <p>Create one above, or ask a colleague for an invitation link.</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>Your teams</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Your role</th>
                <th scope="col">Members</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    <Link href={`/teams/${t.id}`}>{t.name}</Link>
                  </th>
                  <td>{ROLE_LABELS[t.role]}</td>
                  <td>{t.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
