import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { versionLabel } from "@/lib/versions/label";
import { shareTokenSchema } from "./schema";
import { hashShareToken, newShareToken } from "./tokens";

/** How often lastUsedAt is written at most: polling viewers must not turn every read into a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;
const DAY_MS = 24 * 3600 * 1000;

export type ShareLinkView = {
  id: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  withComments: boolean;
  /** The frozen version the link shows (null: the live document). */
  version: { id: string; label: string } | null;
};

export type ShareResolution =
  | {
      ok: true;
      briefingId: string;
      linkId: string;
      expiresAt: Date | null;
      withComments: boolean;
      versionId: string | null;
    }
  | { ok: false; reason: "unknown" | "revoked" | "expired" | "deleted" };

/** The one message every dead link shows: it does not say whether the link ever existed. */
export const INVALID_LINK_MESSAGE = "This link is no longer valid.";

/** An AppError for a token that opens nothing: 404 for an unknown token, 410 for one that worked once. */
export function invalidShareError(resolution: Extract<ShareResolution, { ok: false }>): AppError {
  return new AppError(resolution.reason === "unknown" ? "not_found" : "gone", INVALID_LINK_MESSAGE, {
    reason: resolution.reason,
  });
}

/** The active (not revoked, not expired) share links of a briefing, newest first. */
export async function listShareLinks(db: Db, briefingId: string, now = new Date()): Promise<ShareLinkView[]> {
  const rows = await db.shareLink.findMany({
    where: { briefingId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      withComments: true,
      createdBy: { select: { name: true } },
      version: { select: { id: true, name: true, createdAt: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy.name,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    withComments: row.withComments,
    version: row.version ? { id: row.version.id, label: versionLabel(row.version) } : null,
  }));
}

/**
 * Stores a new share link (only the token's hash) and returns the token, which the caller shows
 * once. No authorization here: the action checks briefing:share first.
 */
export async function insertShareLink(
  db: Db,
  input: {
    briefingId: string;
    createdById: string;
    expiresInDays?: number;
    withComments?: boolean;
    /** A version of this briefing (the caller checked it is one that is never thinned). */
    versionId?: string | null;
    now?: Date;
  },
): Promise<{ token: string; id: string; expiresAt: Date | null }> {
  const token = newShareToken();
  const now = input.now ?? new Date();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
  const link = await db.shareLink.create({
    data: {
      briefingId: input.briefingId,
      createdById: input.createdById,
      tokenHash: hashShareToken(token),
      expiresAt,
      withComments: input.withComments ?? false,
      versionId: input.versionId ?? null,
    },
    select: { id: true },
  });
  return { token, id: link.id, expiresAt };
}

/** Marks a link revoked; false when it is not an active link of that briefing. */
export async function markShareLinkRevoked(db: Db, briefingId: string, linkId: string, now = new Date()) {
  const { count } = await db.shareLink.updateMany({
    where: { id: linkId, briefingId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
}

/**
 * What a share token opens: the briefing, or why not (unknown, revoked, expired, or the briefing
 * was deleted). With `briefingId`, a link to another briefing counts as unknown. Records the use
 * in lastUsedAt (only of a link that opens what was asked), at most once per
 * LAST_USED_RESOLUTION_MS, with a conditional update so concurrent viewers do not all write.
 */
export async function resolveShareToken(
  db: Db,
  token: string,
  now = new Date(),
  briefingId?: string,
): Promise<ShareResolution> {
  if (!shareTokenSchema.safeParse(token).success) return { ok: false, reason: "unknown" };
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: {
      id: true,
      briefingId: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      withComments: true,
      versionId: true,
      briefing: { select: { deletedAt: true } },
    },
  });
  if (!link) return { ok: false, reason: "unknown" };
  if (link.revokedAt) return { ok: false, reason: "revoked" };
  if (link.expiresAt && link.expiresAt <= now) return { ok: false, reason: "expired" };
  if (link.briefing.deletedAt) return { ok: false, reason: "deleted" };
  if (briefingId !== undefined && link.briefingId !== briefingId) return { ok: false, reason: "unknown" };
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!link.lastUsedAt || link.lastUsedAt <= stale) {
    await db.shareLink.updateMany({
      where: { id: link.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return {
    ok: true,
    briefingId: link.briefingId,
    linkId: link.id,
    expiresAt: link.expiresAt,
    withComments: link.withComments,
    versionId: link.versionId,
  };
}
