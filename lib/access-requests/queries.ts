import "server-only";
import type { Db } from "@/lib/db";

export type PendingAccessRequest = { id: string; name: string; email: string; message: string; createdAt: string };
export type OwnAccessRequest = { status: "pending" | "declined"; createdAt: string };

/** The unanswered access requests of a briefing, oldest first (for those who may share it). */
export async function listPendingAccessRequests(db: Db, briefingId: string): Promise<PendingAccessRequest[]> {
  const rows = await db.accessRequest.findMany({
    where: { briefingId, status: "pending" },
    select: { id: true, message: true, createdAt: true, user: { select: { name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.user.name,
    email: r.user.email,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The user's own request for a briefing, if any (the no-access page says it is waiting). */
export async function getOwnAccessRequest(
  db: Db,
  userId: string,
  briefingId: string,
): Promise<OwnAccessRequest | null> {
  const row = await db.accessRequest.findUnique({
    where: { briefingId_userId: { briefingId, userId } },
    select: { status: true, createdAt: true },
  });
  if (!row) return null;
  return { status: row.status === "declined" ? "declined" : "pending", createdAt: row.createdAt.toISOString() };
}
