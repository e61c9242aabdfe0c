import type { Db } from "@/lib/db";
import { notifyBriefingShared } from "@/lib/notifications/briefing-events";

/** A client inside an interactive transaction. */
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function attachIn(tx: Tx, user: { id: string; email: string }): Promise<string[]> {
  const email = user.email.toLowerCase();
  const pending = await tx.pendingShare.findMany({ where: { email }, select: { briefingId: true, role: true } });
  for (const share of pending) {
    await tx.briefingGrant.upsert({
      where: { briefingId_userId: { briefingId: share.briefingId, userId: user.id } },
      create: { briefingId: share.briefingId, userId: user.id, role: share.role },
      update: { role: share.role },
    });
    // Who shared it was not recorded with the pending share: the notification names no one.
    await notifyBriefingShared(tx, {
      briefingId: share.briefingId,
      role: share.role,
      actorId: null,
      userIds: [user.id],
    });
  }
  if (pending.length) await tx.pendingShare.deleteMany({ where: { email } });
  return pending.map((share) => share.briefingId);
}

/**
 * Turns the shares waiting for a now verified address into grants to its account (the newest share
 * decides the role, as when sharing again). Returns the briefings concerned.
 */
export async function attachPendingShares(db: Db, user: { id: string; email: string }): Promise<string[]> {
  return db.$transaction((tx) => attachIn(tx, user));
}

/**
 * Marks a user's address verified (an administrator vouching for it) and attaches what was shared
 * with it, in one transaction. Returns false when there is no such user.
 */
export async function markEmailVerified(db: Db, userId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) return false;
    await tx.user.update({ where: { id: userId }, data: { emailVerified: true } });
    await attachIn(tx, user);
    return true;
  });
}
