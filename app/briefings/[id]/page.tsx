import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BriefingAccess } from "@/components/briefings/briefing-access";
import { BriefingTitle } from "@/components/briefings/briefing-title";
import { NoAccess } from "@/components/briefings/no-access";
import { RestoreButton } from "@/components/briefings/restore-button";
import { BriefingEditorLoader } from "@/components/editor/briefing-editor-loader";
import { ExportMenu } from "@/components/export/export-menu";
import { listPendingAccessRequests } from "@/lib/access-requests/queries";
import { getBriefingPageAccess } from "@/lib/auth/briefing-access";
import { allows } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listBriefingGrants } from "@/lib/briefings/queries";
import { userColor } from "@/lib/collab/user-color";
import { getDb } from "@/lib/db";
import { listTeamsForUser } from "@/lib/teams/queries";
import "../briefings.css";
import "../editor.css";

export const metadata: Metadata = { title: "Briefing" };

export default async function BriefingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The user's role is resolved once for the whole page; every ability below is read off it.
  const { user, access } = await getBriefingPageAccess(id);
  if (!user) redirect(`/sign-in?next=/briefings/${encodeURIComponent(id)}`);
  if (access.kind === "not-found") notFound();
  if (access.kind === "no-access") return <NoAccess briefingId={id} request={access.request} />;
  const { role, title } = access;
  const deleted = access.deletedAt !== null;
  const canEdit = allows(role, "edit") && !deleted;
  const canShare = allows(role, "share");
  const db = getDb();
  const [grants, requests, teams] = await Promise.all([
    listBriefingGrants(db, id),
    canShare ? listPendingAccessRequests(db, id) : [],
    listTeamsForUser(db, user.id),
  ]);
  return (
    <div className="briefing-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/briefings">Briefings</Link> <span aria-hidden="true">/</span> <span>{title}</span>
      </nav>
      <header className="briefing-page__header">
        <BriefingTitle briefingId={id} title={title} canRename={canEdit} />
        <p className="muted">Your role: {ROLE_LABELS[role]}</p>
        {deleted ? null : (
          <div className="briefing-page__actions">
            <ExportMenu briefingId={id} canIncludeComments={allows(role, "read-comments")} />
            <Link className="button button--secondary" href={`/briefings/${id}/export`}>
              {canShare ? "Marking and share links" : "Export options"}
            </Link>
          </div>
        )}
      </header>
      {deleted ? (
        <div className="notice notice--warning" role="status">
          This briefing is in the trash; restore it to edit or share it. <RestoreButton briefingId={id} title={title} />
        </div>
      ) : null}
      <div className="briefing-page__body">
        <BriefingEditorLoader
          key={id}
          briefingId={id}
          user={{ id: user.id, name: user.name, color: userColor(user.id) }}
          canEdit={canEdit}
          comments={{
            canComment: allows(role, "comment") && !deleted,
            canModerate: allows(role, "moderate-comments") && !deleted,
            canShare: canShare && !deleted,
          }}
        />
        {deleted ? null : (
          <aside className="briefing-page__aside" aria-label="Sharing">
            <BriefingAccess
              briefingId={id}
              canShare={canShare}
              canDelete={allows(role, "delete")}
              teams={teams}
              requests={requests}
              grants={grants.map((g) => ({
                id: g.id,
                role: g.role ? ROLE_LABELS[g.role] : "",
                label: g.user ? `${g.user.name} <${g.user.email}>` : `Team ${g.team?.name ?? ""}`,
              }))}
            />
          </aside>
        )}
      </div>
    </div>
  );
}
