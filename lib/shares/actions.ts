"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, parseInput, runAction } from "@/lib/actions";
import { announceAccessChange } from "@/lib/auth/access-events";
import { authorize } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { insertShareLink, markShareLinkRevoked } from "./queries";
import { createShareLinkSchema, revokeShareLinkSchema } from "./schema";
import { shareUrl } from "./tokens";

// Every action: authenticate -> parse -> authorize -> write -> revalidate.

function revalidateBriefing(briefingId: string) {
  revalidatePath(`/briefings/${briefingId}`);
  revalidatePath(`/briefings/${briefingId}/export`);
}

/** Creates a read-only link; the URL (with its token) is returned this once and never again. */
export async function createShareLink(
  input: unknown,
): Promise<ActionResult<{ id: string; url: string; expiresAt: string | null }>> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(createShareLinkSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "briefing:share", briefingId: data.briefingId });
    const briefing = await db.briefing.findUniqueOrThrow({
      where: { id: data.briefingId },
      select: { deletedAt: true },
    });
    if (briefing.deletedAt) throw new AppError("conflict", "Restore the briefing before sharing it.");
    const link = await insertShareLink(db, {
      briefingId: data.briefingId,
      createdById: user.id,
      expiresInDays: data.expiresInDays,
      withComments: data.withComments,
    });
    revalidateBriefing(data.briefingId);
    return { id: link.id, url: shareUrl(link.token), expiresAt: link.expiresAt?.toISOString() ?? null };
  });
}

/** Revokes a link at once: its downloads stop working and open pages are disconnected and told so. */
export async function revokeShareLink(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(revokeShareLinkSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "briefing:share", briefingId: data.briefingId });
    if (!(await markShareLinkRevoked(db, data.briefingId, data.linkId))) {
      throw new AppError("not_found", "That link was already revoked or has expired.");
    }
    announceAccessChange({ briefingId: data.briefingId });
    revalidateBriefing(data.briefingId);
    return null;
  });
}
