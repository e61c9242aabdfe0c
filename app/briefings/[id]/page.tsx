import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BriefingAccess } from "@/components/briefings/briefing-access";
import { BriefingTitle } from "@/components/briefings/briefing-title";
import { CatalogChangeNotice } from "@/components/briefings/catalog-change-notice";
import { ClearanceBadge, ClearanceSection } from "@/components/briefings/clearance-section";
import { NoAccess } from "@/components/briefings/no-access";
import { RestoreButton } from "@/components/briefings/restore-button";
import { SuggestionsOnlyToggle } from "@/components/briefings/suggestions-only-toggle";
import { BriefingEditorLoader } from "@/components/editor/briefing-editor-loader";
import { ExportMenu } from "@/components/export/export-menu";
import { listPendingAccessRequests } from "@/lib/access-requests/queries";
import { getBriefingPageAccess } from "@/lib/auth/briefing-access";
import { allows } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getSuggestionsOnly, listBriefingGrants } from "@/lib/briefings/queries";
import { listBriefingAlerts } from "@/lib/catalog/alerts/queries";
import { answerableStepFor, clearanceRequestOptions, listClearances } from "@/lib/clearance/queries";
import { userColor } from "@/lib/collab/user-color";
import { getDb } from "@/lib/db";
import { getBriefingMarking } from "@/lib/marking/queries";
import { releaseOptions } from "@/lib/marking/release";
import { DEFAULT_PROFILE_KEY } from "@/lib/marking/shipped";
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
  const [grants, requests, teams, suggestionsOnly, catalogAlerts, marking, clearance] = await Promise.all([
    listBriefingGrants(db, id),
    canShare ? listPendingAccessRequests(db, id) : [],
    listTeamsForUser(db, user.id),
    getSuggestionsOnly(db, id),
    deleted ? { alerts: [], total: 0 } : listBriefingAlerts(db, user, id),
    getBriefingMarking(db, id),
    listClearances(db, user, id, new Date()),
  ]);
  const latestClearance = clearance.clearances[0] ?? null;
  const canManageClearance = allows(role, "manage-clearance") && !deleted;
  const [clearanceOptions, answerStep] = await Promise.all([
    canManageClearance ? clearanceRequestOptions(db, id) : null,
    latestClearance ? answerableStepFor(db, user, latestClearance) : null,
  ]);
  // The state badge matters once a briefing is marked under a real scheme or went into clearance;
  // on every other briefing a "Draft" next to the role is noise.
  const showClearanceBadge =
    clearance.clearances.length > 0 || (marking?.profileKey != null && marking.profileKey !== DEFAULT_PROFILE_KEY);
  // Editors (not owners) are held to the owner's "suggestions only"; the collaboration server
  // enforces the same rule (lib/auth/collab.ts isHeldToSuggestions).
  const suggestOnly = suggestionsOnly && role === "editor";
  return (
    <div className="briefing-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/briefings">Briefings</Link> <span aria-hidden="true">/</span> <span>{title}</span>
      </nav>
      <header className="briefing-page__header">
        <BriefingTitle briefingId={id} title={title} canRename={canEdit} />
        <p className="muted">
          Your role: {ROLE_LABELS[role]} {showClearanceBadge ? <ClearanceBadge state={clearance.state} /> : null}
        </p>
        {deleted ? null : (
          <div className="briefing-page__actions">
            <ExportMenu
              briefingId={id}
              release={canShare ? releaseOptions(marking?.profile ?? null) : []}
              canIncludeComments={allows(role, "read-comments")}
            />
            {allows(role, "manage-review") ? <SuggestionsOnlyToggle briefingId={id} on={suggestionsOnly} /> : null}
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
      <CatalogChangeNotice
        briefingId={id}
        alerts={catalogAlerts.alerts}
        total={catalogAlerts.total}
        canDismiss={canEdit}
      />
      <div className="briefing-page__body">
        <BriefingEditorLoader
          key={id}
          briefingId={id}
          user={{ id: user.id, name: user.name, color: userColor(user.id) }}
          canEdit={canEdit}
          suggestOnly={suggestOnly}
          marking={{ profile: marking?.profile ?? null, legacy: marking?.legacy ?? "" }}
          comments={{
            canComment: allows(role, "comment") && !deleted,
            canModerate: allows(role, "moderate-comments") && !deleted,
            canShare: canShare && !deleted,
          }}
        />
        {deleted ? null : (
          <aside className="briefing-page__aside" aria-label="Sharing">
            <ClearanceSection
              briefingId={id}
              state={clearance.state}
              latest={latestClearance}
              manage={clearanceOptions}
              answerStep={answerStep}
            />
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
