import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FrozenBriefing } from "@/components/share/frozen-briefing";
import { LiveBriefing } from "@/components/share/live-briefing";
import { listSharedThreads } from "@/lib/comments/shared";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadSharedDocument } from "@/lib/shares/content";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Shared briefing",
  robots: { index: false, follow: false },
  // The token is in this page's URL: never send it to the sites the briefing links to.
  referrer: "no-referrer",
};

/**
 * A briefing opened with a share link: read-only, live, no sign-in; a link to a version shows that
 * version, frozen. Dead links show not-found.tsx (404).
 */
export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const shared = await loadSharedDocument(getDb(), token).catch((error: unknown) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  // Only a link created "with comments" may read them; any other gets null (no panel).
  const threads = await listSharedThreads(getDb(), token).catch((error: unknown) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  if (shared.frozen)
    return <FrozenBriefing token={token} shared={{ ...shared, frozen: shared.frozen }} threads={threads} />;
  return <LiveBriefing token={token} initial={shared} initialThreads={threads} />;
}
