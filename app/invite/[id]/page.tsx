import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitation } from "@/components/teams/accept-invitation";
import { canAcceptInvitation } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getInvitationPreview } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Team invitation" };

export default async function InvitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = getDb();
  const invitation = id.length <= 64 ? await getInvitationPreview(db, id) : null;
  if (!invitation) {
    return (
      <div className="empty-state">
        <h1>Invitation not found</h1>
        <p>This invitation link is not valid. Ask the person who invited you for a new one.</p>
      </div>
    );
  }
  const user = await getCurrentUser();
  const next = `/invite/${id}`;
  const problem = user ? await canAcceptInvitation(db, user, id) : null;
  return (
    <div className="narrow">
      <h1>Join {invitation.organization.name}</h1>
      <p className="lede">
        {invitation.inviter.name} invited {invitation.email} to join the team as{" "}
        {ROLE_LABELS[invitation.role].toLowerCase()}.
      </p>
      {!user ? (
        <p>
          <Link className="button" href={`/sign-up?next=${encodeURIComponent(next)}`}>
            Create an account
          </Link>{" "}
          or <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>sign in</Link> as {invitation.email} to accept.
        </p>
      ) : problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : (
        <AcceptInvitation invitationId={id} teamName={invitation.organization.name} />
      )}
    </div>
  );
}
