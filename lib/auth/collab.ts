import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { shareLinkActor } from "./actor";
import { allows, can, getActorBriefingRole } from "./permissions";
import { isSameOrigin } from "./same-origin";
import { getSessionFromHeaders } from "./user";

export type CollabGrant = {
  userId: string;
  name: string;
  readOnly: boolean;
  expiresAt: number;
  shareLinkId?: string;
  /** Receives comment notices: the actor may read the briefing's comments. */
  readComments: boolean;
  /**
   * Held to "suggestions only": an editor (not the owner) of a briefing whose owner turned it on.
   * The collaboration server then takes only updates that add suggestions (server/collab/suggest-only.ts).
   */
  suggestOnly?: boolean;
};

/** Is an actor with `role` held to the briefing's "suggestions only" setting? Owners never are. */
export async function isHeldToSuggestions(db: Db, briefingId: string, role: string | null): Promise<boolean> {
  if (role !== "editor") return false;
  const briefing = await db.briefing.findUnique({ where: { id: briefingId }, select: { suggestionsOnly: true } });
  return briefing?.suggestionsOnly ?? false;
}

/** Node's request headers as a fetch Headers object (what better-auth reads the session from). */
export function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

/**
 * A page on another site can open a websocket to us and the browser attaches our session cookie
 * (websockets are not subject to CORS): refuse upgrades whose Origin is not this app's origin
 * (scheme included: an http page on the same host is another origin). Clients that are not
 * browsers send no Origin and still need the cookie.
 */
function isCrossSite(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  const { TRUST_PROXY, APP_URL } = env();
  const target = {
    host: req.headers.host,
    encrypted: Boolean((req.socket as TLSSocket | undefined)?.encrypted),
    forwardedHost: firstHeader(req.headers["x-forwarded-host"]),
    forwardedProto: firstHeader(req.headers["x-forwarded-proto"]),
  };
  return !isSameOrigin(origin, target, { trustProxy: TRUST_PROXY, appUrl: APP_URL });
}

const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Decides a collaboration websocket upgrade with the one permission module: the actor is the share
 * link named by `?share=<token>` (the share page, no account) or else the session's user; it must
 * be allowed to read the briefing, and gets a read-only connection unless allowed to edit it.
 * A link's id stands in for the user, so that revoking or expiring the link closes exactly its
 * connections. Throws an AppError (401/403/404/410) to refuse.
 */
export async function authorizeCollab(db: Db, req: IncomingMessage, briefingId: string): Promise<CollabGrant | null> {
  if (isCrossSite(req)) throw new AppError("forbidden", "Connections from other sites are not allowed.");
  const shareToken = new URL(req.url ?? "/", "http://localhost").searchParams.get("share");
  if (shareToken) {
    const actor = await shareLinkActor(db, shareToken, briefingId);
    // The room is the live document: a link bound to a version may not open it (can() says no).
    if (!(await can(db, actor, { action: "briefing:read", briefingId }))) {
      throw new AppError("not_found", "No such briefing.");
    }
    const role = await getActorBriefingRole(db, actor, briefingId, { includeDeleted: false });
    const expiresAt = actor.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
    return {
      userId: `share-link:${actor.linkId}`,
      name: "Link viewer",
      readOnly: !allows(role, "edit"),
      expiresAt,
      shareLinkId: actor.linkId,
      readComments: await can(db, actor, { action: "briefing:read-comments", briefingId }),
    };
  }
  const session = await getSessionFromHeaders(toHeaders(req), db);
  if (!session) throw new AppError("unauthorized", "Sign in to open briefings.");
  const { user, expiresAt } = session;
  const role = await getActorBriefingRole(db, user, briefingId, { includeDeleted: false });
  if (!allows(role, "read")) throw new AppError("not_found", "No such briefing.");
  return {
    userId: user.id,
    name: user.name,
    readOnly: !allows(role, "edit"),
    expiresAt,
    readComments: allows(role, "read-comments"),
    suggestOnly: await isHeldToSuggestions(db, briefingId, role),
  };
}
