import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { invalidShareError } from "@/lib/shares/content";
import { resolveShareToken } from "@/lib/shares/queries";
import { getBriefingRole } from "./permissions";
import { BRIEFING_ABILITIES } from "./roles";
import { isSameOrigin } from "./same-origin";
import { getSessionFromHeaders } from "./user";

export type CollabGrant = { userId: string; name: string; readOnly: boolean; expiresAt: number };

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
 * A share link's viewer: read-only, no account. The link's id stands in for the user, so that
 * revoking or expiring the link closes exactly its connections.
 */
async function authorizeShareLink(db: Db, token: string, briefingId: string): Promise<CollabGrant> {
  const resolution = await resolveShareToken(db, token);
  if (!resolution.ok) throw invalidShareError(resolution);
  if (resolution.briefingId !== briefingId) throw new AppError("not_found", "No such briefing.");
  const expiresAt = resolution.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return { userId: `share-link:${resolution.linkId}`, name: "Link viewer", readOnly: true, expiresAt };
}

/**
 * Decides a collaboration websocket upgrade: the session cookie must belong to a user who may read
 * the briefing; users who may not edit it (viewers, commenters) get a read-only connection. With
 * `?share=<token>` a share link's page connects read-only instead.
 * Returns null to refuse. Same permission module as every page and action.
 */
export async function authorizeCollab(db: Db, req: IncomingMessage, briefingId: string): Promise<CollabGrant | null> {
  if (isCrossSite(req)) throw new AppError("forbidden", "Connections from other sites are not allowed.");
  const shareToken = new URL(req.url ?? "/", "http://localhost").searchParams.get("share");
  if (shareToken) return authorizeShareLink(db, shareToken, briefingId);
  const session = await getSessionFromHeaders(toHeaders(req), db);
  if (!session) throw new AppError("unauthorized", "Sign in to open briefings.");
  const { user, expiresAt } = session;
  const role = await getBriefingRole(db, user.id, briefingId, { includeDeleted: false });
  if (!role) throw new AppError("not_found", "No such briefing.");
  return { userId: user.id, name: user.name, readOnly: !BRIEFING_ABILITIES[role].includes("edit"), expiresAt };
}
