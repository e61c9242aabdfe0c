import type { Db } from "@/lib/db";
import { invalidShareError, resolveShareToken } from "@/lib/shares/queries";
import type { Actor, ShareLinkActor } from "./permissions";
import { getUserFromHeaders } from "./user";

/**
 * The actor of a share token: a share link's holder for a link that is valid now, or the 404/410
 * AppError every dead link gets. With `briefingId`, a link to another briefing counts as unknown.
 */
export async function shareLinkActor(db: Db, token: string, briefingId?: string): Promise<ShareLinkActor> {
  const resolution = await resolveShareToken(db, token, new Date(), briefingId);
  if (!resolution.ok) throw invalidShareError(resolution);
  return {
    kind: "share-link",
    linkId: resolution.linkId,
    briefingId: resolution.briefingId,
    expiresAt: resolution.expiresAt,
    withComments: resolution.withComments,
    versionId: resolution.versionId,
  };
}

/**
 * Who is asking, for route handlers that accept both: the share link when the request names a
 * token (a dead one is an error, not a silent fall-back to the session), otherwise the session's
 * user, otherwise null (anonymous).
 */
export async function actorFromRequest(
  db: Db,
  request: { headers: Headers; shareToken: string | null; briefingId?: string },
): Promise<Actor> {
  if (request.shareToken !== null) return shareLinkActor(db, request.shareToken, request.briefingId);
  return getUserFromHeaders(request.headers, db);
}
