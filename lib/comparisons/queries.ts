import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { savedComparisonInputSchema } from "./schema";

export type SavedComparison = {
  id: string;
  name: string;
  /** Canonical /compare query string (without "?"). */
  state: string;
  ownerId: string;
  ownerName: string;
  teamId: string | null;
  createdAt: string;
  updatedAt: string;
};

const select = {
  id: true,
  name: true,
  state: true,
  ownerId: true,
  teamId: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { name: true } },
} as const;

type Row = {
  id: string;
  name: string;
  state: string;
  ownerId: string;
  teamId: string | null;
  createdAt: Date;
  updatedAt: Date;
  owner: { name: string };
};

const toView = ({ owner, createdAt, updatedAt, ...row }: Row): SavedComparison => ({
  ...row,
  ownerName: owner.name,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

/**
 * Saves a named comparison for an owner, optionally shared with a team. Validates the name and
 * the view state (stored canonical); throws AppError("unprocessable") with per-field details.
 * Authorization (may this user save for this team?) is the caller's job.
 */
export async function createSavedComparison(
  db: Db,
  input: { name: string; state: string; ownerId: string; teamId?: string | null },
): Promise<SavedComparison> {
  const parsed = savedComparisonInputSchema.safeParse({ name: input.name, state: input.state });
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
    throw new AppError("unprocessable", "The comparison cannot be saved.", details);
  }
  const row = await db.savedComparison.create({
    data: { ...parsed.data, ownerId: input.ownerId, teamId: input.teamId ?? null },
    select,
  });
  return toView(row);
}

/** Comparisons a user can see: their own and those of their teams, most recently changed first. */
export async function listSavedComparisons(
  db: Db,
  viewer: { userId: string; teamIds: string[] },
): Promise<SavedComparison[]> {
  const rows = await db.savedComparison.findMany({
    where: { OR: [{ ownerId: viewer.userId }, ...(viewer.teamIds.length ? [{ teamId: { in: viewer.teamIds } }] : [])] },
    select,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  return rows.map(toView);
}

/** One saved comparison by its stable id, or null. */
export async function getSavedComparison(db: Db, id: string): Promise<SavedComparison | null> {
  const row = await db.savedComparison.findUnique({ where: { id }, select });
  return row ? toView(row) : null;
}

/** Deletes a saved comparison; false when it did not exist. */
export async function deleteSavedComparison(db: Db, id: string): Promise<boolean> {
  const { count } = await db.savedComparison.deleteMany({ where: { id } });
  return count > 0;
}
