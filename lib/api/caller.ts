import type { UserActor } from "@/lib/auth/permissions";
import { getUserFromHeaders } from "@/lib/auth/user";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveApiToken } from "@/lib/tokens/store";

/** Who calls the public API: the actor `can()` decides for, and what audit and rate limit key on. */
export type ApiCaller = {
  actor: UserActor;
  /** The token's name (for the audit), or null for a session-cookie call. */
  tokenName: string | null;
  /** The rate-limit bucket: one per token, one per user for cookie calls. */
  rateKey: string;
};

/**
 * Authenticates a /api/v1 request: `Authorization: Bearer <token>` when the header is present (a
 * revoked, expired or unknown token is a 401, never a fall-back to the cookie), otherwise the
 * session cookie, otherwise 401.
 */
export async function apiCaller(db: Db, headers: Headers): Promise<ApiCaller> {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const token = match?.[1] ? await resolveApiToken(db, match[1]) : null;
    if (!token) throw new AppError("unauthorized", "The access token is invalid, revoked or expired.");
    return {
      actor: { ...token.user, tokenScope: token.scope },
      tokenName: token.name,
      rateKey: `api-token:${token.tokenId}`,
    };
  }
  const user = await getUserFromHeaders(headers, db);
  if (!user) throw new AppError("unauthorized", "Sign in or send an access token (Authorization: Bearer ...).");
  return {
    actor: { id: user.id, isAdmin: user.isAdmin, catalogEditor: user.catalogEditor },
    tokenName: null,
    rateKey: `api-user:${user.id}`,
  };
}
