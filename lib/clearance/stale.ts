import { loadCurrentContent } from "@/lib/briefings/doc/current";
import type { Db } from "@/lib/db";
import { contentHash } from "@/lib/versions/store";

/**
 * The hash of the briefing's current text, comparable with BriefingVersion.contentHash (both hash
 * the ProseMirror JSON derived from the stored Yjs document); null when the briefing is missing.
 */
export async function currentContentHash(db: Db, briefingId: string): Promise<string | null> {
  const json = await loadCurrentContent(db, briefingId);
  return json ? contentHash(json) : null;
}
