import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ClassificationForm } from "@/components/export/classification-form";
import { ExportMenu } from "@/components/export/export-menu";
import { MarkingForm } from "@/components/marking/marking-form";
import { ShareLinksPanel } from "@/components/share/share-links-panel";
import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { allows } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getBriefingForActor } from "@/lib/briefings/queries";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getBriefingMarking, listMarkingProfiles } from "@/lib/marking/queries";
import { releaseOptions } from "@/lib/marking/release";

export const metadata: Metadata = { title: "Export and share" };

/** Export a briefing (four formats), set its marking, manage its read-only links. */
export default async function BriefingExportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=/briefings/${encodeURIComponent(id)}/export`);
  const db = getDb();
  const briefing = await getBriefingForActor(db, user, id).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  // The role was resolved once by getBriefingForActor; each ability is read off it.
  const canEdit = allows(briefing.role, "edit");
  const canShare = allows(briefing.role, "share");
  const [marking, profiles] = await Promise.all([getBriefingMarking(db, id), listMarkingProfiles(db)]);
  if (!marking) notFound();
  const release = canShare ? releaseOptions(marking.profile) : [];
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/briefings">Briefings</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/briefings/${id}`}>{briefing.title}</Link> <span aria-hidden="true">/</span>{" "}
        <span>Export and share</span>
      </nav>
      <h1>Export and share</h1>
      <div className="export-sections">
        <section aria-labelledby="export-heading">
          <h2 id="export-heading">Export</h2>
          <p className="muted">
            Downloads the current text, with framework cards, comparison tables and a numbered list of their sources;
            optionally with the comment threads.
          </p>
          <MarkingForm
            briefingId={id}
            profiles={profiles}
            profile={marking.profileKey}
            authority={marking.authority}
            canEdit={canEdit}
          />
          {marking.profile ? null : (
            <ClassificationForm briefingId={id} classification={briefing.classification} canEdit={canEdit} />
          )}
          <ExportMenu briefingId={id} release={release} canIncludeComments={allows(briefing.role, "read-comments")} />
        </section>
        {canShare ? (
          <section aria-labelledby="share-heading">
            <h2 id="share-heading">Read-only links</h2>
            <p className="muted">
              Anyone with a link can read the briefing, live, and download it as PDF or Word, without an account.
            </p>
            <ShareLinksPanel briefingId={id} />
          </section>
        ) : null}
        {allows(briefing.role, "manage-webhooks") ? (
          <section aria-labelledby="webhooks-heading">
            <h2 id="webhooks-heading">Webhooks</h2>
            <p className="muted">
              Tell another system (a chat channel, a tracker, your own service) when this briefing changes or is shared:
              it receives a signed JSON POST. See the API documentation for how to check the signature.
            </p>
            <WebhooksPanel scope={{ briefingId: id }} />
          </section>
        ) : null}
      </div>
    </>
  );
}
