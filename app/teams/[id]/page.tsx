import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { InviteForm } from "@/components/teams/invite-form";
import { CancelInvitationButton, MemberActions } from "@/components/teams/member-actions";
import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getTeamDetail } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/teams/${encodeURIComponent(id)}`);
  const team = await getTeamDetail(getDb(), user, id).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/teams">Teams</Link> <span aria-hidden="true">/</span> <span>{team.name}</span>
      </nav>
      <h1>{team.name}</h1>
      <section aria-labelledby="members-heading" className="detail__section">
        <h2 id="members-heading">
          Members <span className="count">({team.members.length})</span>
        </h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                {team.canManage ? <th scope="col">Manage</th> : null}
              </tr>
            </thead>
            <tbody>
              {team.members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.user.name}
                    {m.user.id === user.id ? <span className="muted"> (you)</span> : null}
                  </th>
                  <td>{m.user.email}</td>
                  <td>{ROLE_LABELS[m.role]}</td>
                  {team.canManage ? (
                    <td>
                      {m.user.id === user.id ? null : (
                        <MemberActions
                          teamId={team.id}
                          memberId={m.id}
                          role={m.role}
                          name={m.user.name}
                          canMakeOwner={team.canDelete}
                        />
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {team.canManage ? (
        <section aria-labelledby="invite-heading" className="detail__section">
          <h2 id="invite-heading">Invite someone</h2>
          <InviteForm teamId={team.id} mailConfigured={Boolean(env().SMTP_URL)} />
          {team.invitations.length ? (
            <>
              <h3>Pending invitations</h3>
              <ul className="plain-list">
                {team.invitations.map((inv) => (
                  <li key={inv.id}>
                    {inv.email} · {ROLE_LABELS[inv.role]} · expires {inv.expiresAt.toISOString().slice(0, 10)}{" "}
                    <CancelInvitationButton invitationId={inv.id} email={inv.email} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {team.canManage ? (
        <section aria-labelledby="webhooks-heading" className="detail__section">
          <h2 id="webhooks-heading">Webhooks</h2>
          <p className="muted">
            Tell another system about every briefing of this team: it receives a signed JSON POST when one changes or is
            shared. Deliveries are sent only for briefings the webhook's creator may read.
          </p>
          <WebhooksPanel scope={{ teamId: team.id }} />
        </section>
      ) : null}
    </>
  );
}
