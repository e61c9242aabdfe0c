import { shareLinkActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { threadsAsOf } from "./as-of";
import { listThreads, type ThreadView } from "./queries";

/**
 * The threads a share link shows: only a link created "with comments" may read them (the same
 * `authorize` decides as for users); others get 404 like any resource they may not read. A link
 * to a version shows them as they stood at that version's time (threadsAsOf).
 */
export async function listSharedThreads(db: Db, token: string): Promise<ThreadView[]> {
  const actor = await shareLinkActor(db, token);
  const versionId = actor.versionId ?? undefined;
  await authorize(db, actor, { action: "briefing:read-comments", briefingId: actor.briefingId, versionId });
  const threads = await listThreads(db, actor.briefingId);
  if (!versionId) return threads;
  const version = await db.briefingVersion.findFirst({
    where: { id: versionId, briefingId: actor.briefingId },
    select: { createdAt: true },
  });
  return version ? threadsAsOf(threads, version.createdAt) : [];
}
