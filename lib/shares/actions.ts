"use server";

import { defineAction } from "@/lib/actions";
import { announceAccessChange } from "@/lib/auth/access-events";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { insertShareLink, markShareLinkRevoked } from "./queries";
import { createShareLinkSchema, revokeShareLinkSchema } from "./schema";
import { shareUrl } from "./tokens";

// Every action goes through defineAction: authenticate -> parse -> authorize -> write -> revalidate.

const share = (data: { briefingId: string }) => ({ action: "briefing:share", briefingId: data.briefingId }) as const;
const briefingPaths = (data: { briefingId: string }) => [
  `/briefings/${data.briefingId}`,
  `/briefings/${data.briefingId}/export`,
];

/**
 * Only named versions (and restores, also never thinned) are shared: an automatic version may be
 * thinned away, and a link must not stop working, or show another version, because of that.
 */
async function assertShareableVersion(db: Db, briefingId: string, versionId: string): Promise<void> {
  const version = await db.briefingVersion.findFirst({ where: { id: versionId, briefingId }, select: { kind: true } });
  if (!version) throw new AppError("not_found", "No such version.");
  if (version.kind === "auto") {
    throw new AppError("conflict", "Only named versions can be shared by link: automatic ones are thinned over time.");
  }
}

/**
 * Creates a read-only link, to the live document or (with `versionId`) to one named version; the
 * URL (with its token) is returned this once and never again.
 */
export const createShareLink = defineAction(
  { schema: createShareLinkSchema, permission: share, revalidate: briefingPaths },
  async ({ user, data, db }) => {
    const briefing = await db.briefing.findUniqueOrThrow({
      where: { id: data.briefingId },
      select: { deletedAt: true },
    });
    if (briefing.deletedAt) throw new AppError("conflict", "Restore the briefing before sharing it.");
    if (data.versionId) await assertShareableVersion(db, data.briefingId, data.versionId);
    const link = await insertShareLink(db, {
      briefingId: data.briefingId,
      createdById: user.id,
      expiresInDays: data.expiresInDays,
      withComments: data.withComments,
      versionId: data.versionId,
    });
    return { id: link.id, url: shareUrl(link.token), expiresAt: link.expiresAt?.toISOString() ?? null };
  },
);

/** Revokes a link at once: its downloads stop working and open pages are disconnected and told so. */
export const revokeShareLink = defineAction(
  { schema: revokeShareLinkSchema, permission: share, revalidate: briefingPaths },
  async ({ data, db }) => {
    if (!(await markShareLinkRevoked(db, data.briefingId, data.linkId))) {
      throw new AppError("not_found", "That link was already revoked or has expired.");
    }
    announceAccessChange({ briefingId: data.briefingId });
    return null;
  },
);
