import { shareLinkActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { listThreads, type ThreadView } from "./queries";

/**
 * The threads a share link shows: only a link created "with comments" may read them (the same
 * `authorize` decides as for users); others get 404 like any resource they may not read.
 */
export async function listSharedThreads(db: Db, token: string): Promise<ThreadView[]> {
  const actor = await shareLinkActor(db, token);
  await authorize(db, actor, { action: "briefing:read-comments", briefingId: actor.briefingId });
  return listThreads(db, actor.briefingId);
}
