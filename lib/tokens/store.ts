import { createHash, randomBytes } from "node:crypto";
import type { TokenScope } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { MAX_ACTIVE_TOKENS } from "./schema";

// The prefix makes a leaked token recognisable (secret scanners, logs) and tells tokens apart.
const SECRET_PREFIX = "bpat_";
const SHOWN_PREFIX_LENGTH = SECRET_PREFIX.length + 6;
// lastUsedAt is a hint for the owner, not an audit trail: one write a minute per token is enough.
const TOUCH_INTERVAL_MS = 60_000;

/** What the database keeps of a token: its SHA-256, hex. A leaked table does not leak working tokens. */
export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export type ApiTokenListItem = {
  id: string;
  name: string;
  scope: TokenScope;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
};

function activeWhere(userId: string, now: Date) {
  return { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/**
 * Creates a token for the user and returns its secret (shown once, never stored). Refused with a
 * conflict when the user already holds MAX_ACTIVE_TOKENS active tokens; the count and the insert
 * share a transaction. No authorization here: the caller acts for `userId` itself.
 */
export async function createApiToken(
  db: Db,
  input: { userId: string; name: string; scope: TokenScope; expiresAt?: Date | null },
): Promise<{ id: string; secret: string; prefix: string }> {
  const secret = SECRET_PREFIX + randomBytes(32).toString("base64url");
  const prefix = secret.slice(0, SHOWN_PREFIX_LENGTH);
  return db.$transaction(async (tx) => {
    const active = await tx.apiToken.count({ where: activeWhere(input.userId, new Date()) });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new AppError("conflict", `You already have ${MAX_ACTIVE_TOKENS} active tokens; revoke one first.`);
    }
    const row = await tx.apiToken.create({
      data: {
        userId: input.userId,
        name: input.name,
        scope: input.scope,
        tokenHash: hashApiToken(secret),
        prefix,
        expiresAt: input.expiresAt ?? null,
      },
      select: { id: true },
    });
    return { id: row.id, secret, prefix };
  });
}

/** The user's active tokens, newest first (never their secrets). */
export async function listApiTokens(db: Db, userId: string, now = new Date()): Promise<ApiTokenListItem[]> {
  const rows = await db.apiToken.findMany({
    where: activeWhere(userId, now),
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, scope: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
  return rows.map((row) => ({
    ...row,
    scope: row.scope === "write" ? "write" : "read",
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  }));
}

/** Revokes one of the user's tokens; not_found when it is not theirs or already revoked. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<void> {
  const { count } = await db.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("not_found", "No such token (or it was already revoked).");
}

export type ResolvedApiToken = {
  tokenId: string;
  name: string;
  scope: TokenScope;
  user: { id: string; isAdmin: boolean; catalogEditor: boolean };
};

/**
 * The token a secret names when it is valid now (not revoked, not expired), with its user; null
 * otherwise. Records the use at most once a minute (a conditional write, so parallel calls do not
 * all write).
 */
export async function resolveApiToken(db: Db, secret: string, now = new Date()): Promise<ResolvedApiToken | null> {
  if (!secret.startsWith(SECRET_PREFIX) || secret.length > 200) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(secret) },
    select: {
      id: true,
      name: true,
      scope: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, isAdmin: true, catalogEditor: true } },
    },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
  const stale = new Date(now.getTime() - TOUCH_INTERVAL_MS);
  if (!token.lastUsedAt || token.lastUsedAt <= stale) {
    await db.apiToken.updateMany({
      where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    tokenId: token.id,
    name: token.name,
    scope: token.scope === "write" ? "write" : "read",
    user: token.user,
  };
}
