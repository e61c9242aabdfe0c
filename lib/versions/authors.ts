import type { Db } from "@/lib/db";

/** A client inside an interactive transaction. */
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Who changed a briefing since its last version, as the collaboration server saw the stored
// batches (server/collab/version-hooks.ts). Kept in the database, not in the process: with several
// instances the batches are stored on one and the version is often made on another (or after a
// restart), and each version must credit the people whose changes it holds.

/**
 * Notes users whose changes to a briefing were stored (one upsert per user; `notedAt` keeps the
 * time of the latest). Called after the batch is committed.
 */
export async function noteAuthors(db: Db, briefingId: string, userIds: readonly string[], now = new Date()) {
  for (const userId of new Set(userIds)) {
    await db.briefingPendingAuthor.upsert({
      where: { briefingId_userId: { briefingId, userId } },
      create: { briefingId, userId, notedAt: now },
      update: { notedAt: now },
    });
  }
}

/**
 * Takes the users noted for a briefing, inside the transaction that records the version (so a
 * version that is not made takes nobody). All noted users are credited; only those noted up to
 * `loadedAt` (when the version's document was read, so their batches are in it) are forgotten:
 * someone noted while the version was being made is credited again by the next version.
 */
export async function takeAuthors(tx: Tx, briefingId: string, loadedAt: Date): Promise<string[]> {
  const rows = await tx.briefingPendingAuthor.findMany({ where: { briefingId }, select: { userId: true } });
  if (rows.length) await tx.briefingPendingAuthor.deleteMany({ where: { briefingId, notedAt: { lte: loadedAt } } });
  return rows.map((row) => row.userId);
}
