import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BriefingAccess } from "@/components/briefings/briefing-access";
import { BriefingTitle } from "@/components/briefings/briefing-title";
import { RestoreButton } from "@/components/briefings/restore-button";
import { BriefingEditorLoader } from "@/components/editor/briefing-editor-loader";
import { ExportMenu } from "@/components/export/export-menu";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { getBriefingForActor } from "@/lib/briefings/queries";
import { userColor } from "@/lib/collab/user-color";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listTeamsForUser } from "@/lib/teams/queries";
import "../briefings.css";
import "../editor.css";

export const metadata: Metadata = { title: "Briefing" };

export default async function BriefingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/briefings/${encodeURIComponent(id)}`);
  const db = getDb();
  const briefing = await getBriefingForActor(db, user, id).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const [canEdit, canShare, canDelete, grants, teams] = await Promise.all([
    can(db, user, { action: "briefing:edit", briefingId: id }),
    can(db, user, { action: "briefing:share", briefingId: id }),
    can(db, user, { action: "briefing:delete", briefingId: id }),
    db.briefingGrant.findMany({
      where: { briefingId: id },
      select: { id: true, role: true, user: { select: { name: true, email: true } }, team: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    listTeamsForUser(db, user.id),
  ]);
  const deleted = briefing.deletedAt !== null;
  return (
    <div className="briefing-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/briefings">Briefings</Link> <span aria-hidden="true">/</span> <span>{briefing.title}</span>
      </nav>
      <header className="briefing-page__header">
        <BriefingTitle briefingId={id} title={briefing.title} canRename={canEdit && !deleted} />
        <p className="muted">Your role: {ROLE_LABELS[briefing.role]}</p>
        {deleted ? null : (
          <div className="briefing-page__actions">
            <ExportMenu briefingId={id} />
            <Link className="button button--secondary" href={`/briefings/${id}/export`}>
              {canShare ? "Marking and share links" : "Export options"}
            </Link>
          </div>
        )}
      </header>
      {deleted ? (
        <div className="notice notice--warning" role="status">
          This briefing is in the trash; restore it to edit or share it.{" "}
          <RestoreButton briefingId={id} title={briefing.title} />
        </div>
      ) : null}
      <div className="briefing-page__body">
        <BriefingEditorLoader
          key={id}
          briefingId={id}
          user={{ id: user.id, name: user.name, color: userColor(user.id) }}
          canEdit={canEdit && !deleted}
        />
        {deleted ? null : (
          <aside className="briefing-page__aside" aria-label="Sharing">
            <BriefingAccess
              briefingId={id}
              canShare={canShare}
              canDelete={canDelete}
              teams={teams}
              grants={grants.map((g) => ({
                id: g.id,
                role: ROLE_LABELS[g.role as keyof typeof ROLE_LABELS] ?? g.role,
                label: g.user ? `${g.user.name} <${g.user.email}>` : `Team ${g.team?.name ?? ""}`,
              }))}
            />
          </aside>
        )}
      </div>
    </div>
  );
}
