import type { IncomingMessage } from "node:http";
import { AppError } from "@/lib/errors";
import type { CollabAuthorizer, CollabUser } from "./types";

/** What a static token grants: a user, read-only or not, on some briefings (all when omitted). */
export type TokenGrant = CollabUser & { briefingIds?: string[] };

/** The `token` query parameter of an upgrade request. */
export function tokenFromRequest(req: IncomingMessage): string | null {
  return new URL(req.url ?? "/", "http://localhost").searchParams.get("token");
}

/**
 * An authorizer over a table of tokens passed as `?token=`: used by the integration tests, the
 * standalone collaboration server and the benchmark. The table is read at every check, so a test
 * can revoke or expire a token by changing it. The app itself authorizes with lib/auth.
 */
export function createTokenAuthorizer(tokens: Record<string, TokenGrant>): CollabAuthorizer {
  return async (req, briefingId) => {
    const token = tokenFromRequest(req);
    if (!token) throw new AppError("unauthorized", "A token is required.");
    const grant = Object.hasOwn(tokens, token) ? tokens[token] : undefined;
    if (!grant) throw new AppError("unauthorized", "Unknown token.");
    if (grant.briefingIds && !grant.briefingIds.includes(briefingId)) {
      throw new AppError("forbidden", "This token does not give access to this briefing.");
    }
    if (grant.expiresAt !== undefined && grant.expiresAt <= Date.now()) {
      throw new AppError("unauthorized", "This token has expired.");
    }
    const { userId, name, readOnly, expiresAt, shareLinkId, readComments, suggestOnly } = grant;
    return {
      userId,
      name,
      readOnly,
      expiresAt,
      readComments,
      ...(shareLinkId ? { shareLinkId } : {}),
      ...(suggestOnly ? { suggestOnly } : {}),
    };
  };
}
