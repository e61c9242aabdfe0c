import { type Actor, authorize, getBriefingRole } from "@/lib/auth/permissions";
import type { BriefingRole } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";

export type BriefingListItem = {
  id: string;
  title: string;
  role: BriefingRole;
  ownerName: string;
  teamName: string | null;
  updatedAt: string;
  deletedAt: string | null;
  preview: string;
};

/** Briefings the user can open: owned, granted directly, or granted to one of the user's teams. */
export async function listBriefings(
  db: Db,
  userId: string,
  options: { q?: string; deleted?: boolean } = {},
): Promise<BriefingListItem[]> {
  const teamIds = (await db.member.findMany({ where: { userId }, select: { organizationId: true } })).map(
    (m) => m.organizationId,
  );
  const rows = await db.briefing.findMany({
    where: {
      AND: [
        options.deleted ? { deletedAt: { not: null }, ownerId: userId } : { deletedAt: null },
        { OR: [{ ownerId: userId }, { grants: { some: { OR: [{ userId }, { teamId: { in: teamIds } }] } } }] },
        options.q ? { title: { contains: options.q } } : {},
      ],
    },
    select: {
      id: true,
      title: true,
      updatedAt: true,
      deletedAt: true,
      contentText: true,
      owner: { select: { name: true } },
      team: { select: { name: true } },
    },
    orderBy: { updatedAt: "desc" },
    take: 200,
  });
  const items: BriefingListItem[] = [];
  for (const row of rows) {
    const role = await getBriefingRole(db, userId, row.id);
    if (!role) continue;
    items.push({
      id: row.id,
      title: row.title,
      role,
      ownerName: row.owner.name,
      teamName: row.team?.name ?? null,
      updatedAt: row.updatedAt.toISOString(),
      deletedAt: row.deletedAt?.toISOString() ?? null,
      preview: row.contentText.slice(0, 200),
    });
  }
  return items;
}

/** A briefing the actor may read, with the actor's role; throws not_found/unauthorized otherwise. */
export async function getBriefingForActor(db: Db, actor: Actor, briefingId: string) {
  await authorize(db, actor, { action: "briefing:read", briefingId });
  const briefing = await db.briefing.findUniqueOrThrow({
    where: { id: briefingId },
    select: {
      id: true,
      title: true,
      ownerId: true,
      teamId: true,
      classification: true,
      updatedAt: true,
      deletedAt: true,
    },
  });
  const role = actor ? await getBriefingRole(db, actor.id, briefingId) : null;
  return { ...briefing, role: role as BriefingRole };
}
