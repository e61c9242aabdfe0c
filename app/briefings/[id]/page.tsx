import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BriefingAccess } from "@/components/briefings/briefing-access";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { getBriefingForActor } from "@/lib/briefings/queries";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listTeamsForUser } from "@/lib/teams/queries";

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
  const [canShare, canDelete, grants, teams] = await Promise.all([
    can(db, user, { action: "briefing:share", briefingId: id }),
    can(db, user, { action: "briefing:delete", briefingId: id }),
    db.briefingGrant.findMany({
      where: { briefingId: id },
      select: { id: true, role: true, user: { select: { name: true, email: true } }, team: { select: { name: true } } },
    }),
    listTeamsForUser(db, user.id),
  ]);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/briefings">Briefings</Link> <span aria-hidden="true">/</span> <span>{briefing.title}</span>
      </nav>
      <h1>{briefing.title}</h1>
      <p className="muted">Your role: {ROLE_LABELS[briefing.role]}</p>
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
    </>
  );
}
