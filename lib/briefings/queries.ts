import "server-only";
import { type Actor, authorizeBriefing, resolveBriefingRole } from "@/lib/auth/permissions";
import { asBriefingRole, BRIEFING_ABILITIES, type BriefingRole } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";

/** The tabs of the briefing list: everything, by how the user got access, and the trash. */
export const BRIEFING_VIEWS = ["all", "mine", "team", "shared", "trash"] as const;
export type BriefingView = (typeof BRIEFING_VIEWS)[number];

/** The most briefings one list shows (the newest first); `truncated` says when there were more. */
export const BRIEFING_LIST_LIMIT = 200;

export type BriefingListItem = {
  id: string;
  title: string;
  role: BriefingRole;
  ownerName: string;
  teamName: string | null;
  updatedAt: string;
  deletedAt: string | null;
  preview: string;
  canRename: boolean;
  canDelete: boolean;
};

export type BriefingList = {
  items: BriefingListItem[];
  /** How many briefings each tab holds for the same search. */
  counts: Record<BriefingView, number>;
  truncated: boolean;
};

/**
 * Case- and accent-insensitive form of a text for title search. Done in JavaScript so SQLite and
 * PostgreSQL behave the same (SQLite's LIKE folds ASCII only, PostgreSQL's is case-sensitive).
 */
export function searchKey(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

type Row = {
  id: string;
  ownerId: string;
  teamId: string | null;
  deletedAt: Date | null;
  title: string;
  grants: { userId: string | null; teamId: string | null; role: string }[];
};

/** The tabs a briefing appears under for this user (a team briefing shared directly is in both). */
function viewsOf(row: Row, userId: string, teamIds: ReadonlySet<string>): BriefingView[] {
  if (row.deletedAt) return ["trash"];
  const views: BriefingView[] = ["all"];
  if (row.ownerId === userId) views.push("mine");
  const viaTeam = (row.teamId && teamIds.has(row.teamId)) || row.grants.some((g) => g.teamId && teamIds.has(g.teamId));
  if (viaTeam) views.push("team");
  if (row.ownerId !== userId && row.grants.some((g) => g.userId === userId)) views.push("shared");
  return views;
}

/**
 * Briefings the user can open (owned, granted directly, or granted to one of their teams), or the
 * user's own deleted briefings for "trash"; optionally only those whose title contains `q`.
 * Roles come from the permission module's rule (resolveBriefingRole) on rows loaded in one query.
 */
export async function listBriefings(
  db: Db,
  userId: string,
  options: { view?: BriefingView; q?: string } = {},
): Promise<BriefingList> {
  const view = options.view ?? "all";
  const teamIds = new Set(
    (await db.member.findMany({ where: { userId }, select: { organizationId: true } })).map((m) => m.organizationId),
  );
  const access = {
    OR: [{ ownerId: userId }, { grants: { some: { OR: [{ userId }, { teamId: { in: [...teamIds] } }] } } }],
  };
  const rows: Row[] = await db.briefing.findMany({
    where: { OR: [{ AND: [{ deletedAt: null }, access] }, { deletedAt: { not: null }, ownerId: userId }] },
    select: {
      id: true,
      title: true,
      ownerId: true,
      teamId: true,
      deletedAt: true,
      grants: { select: { userId: true, teamId: true, role: true } },
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  const needle = options.q ? searchKey(options.q.trim()) : "";
  const counts = Object.fromEntries(BRIEFING_VIEWS.map((v) => [v, 0])) as Record<BriefingView, number>;
  const matching: { row: Row; role: BriefingRole }[] = [];
  for (const row of rows) {
    if (needle && !searchKey(row.title).includes(needle)) continue;
    const role = resolveBriefingRole(row, userId, teamIds);
    if (!role) continue;
    const views = viewsOf(row, userId, teamIds);
    for (const v of views) counts[v]++;
    if (views.includes(view)) matching.push({ row, role });
  }
  const page = matching.slice(0, BRIEFING_LIST_LIMIT);
  const details = new Map(
    (
      await db.briefing.findMany({
        where: { id: { in: page.map((m) => m.row.id) } },
        select: {
          id: true,
          updatedAt: true,
          contentText: true,
          owner: { select: { name: true } },
          team: { select: { name: true } },
        },
      })
    ).map((d) => [d.id, d]),
  );
  const items = page.flatMap(({ row, role }): BriefingListItem[] => {
    const d = details.get(row.id);
    if (!d) return []; // deleted between the two queries
    return [
      {
        id: row.id,
        title: row.title,
        role,
        ownerName: d.owner.name,
        teamName: d.team?.name ?? null,
        updatedAt: d.updatedAt.toISOString(),
        deletedAt: row.deletedAt?.toISOString() ?? null,
        preview: d.contentText.slice(0, 200),
        canRename: !row.deletedAt && BRIEFING_ABILITIES[role].includes("edit"),
        canDelete: BRIEFING_ABILITIES[role].includes("delete"),
      },
    ];
  });
  return { items, counts, truncated: matching.length > page.length };
}

/**
 * A briefing the actor may read, with the actor's role (resolved once); throws
 * not_found/unauthorized otherwise.
 */
export async function getBriefingForActor(db: Db, actor: Actor, briefingId: string) {
  const role = await authorizeBriefing(db, actor, briefingId, "read");
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
  return { ...briefing, role };
}

/** Who has been granted access to a briefing (people and teams), oldest grant first. */
export async function listBriefingGrants(db: Db, briefingId: string) {
  const grants = await db.briefingGrant.findMany({
    where: { briefingId },
    select: { id: true, role: true, user: { select: { name: true, email: true } }, team: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return grants.map(({ role, ...grant }) => ({ ...grant, role: asBriefingRole(role) }));
}

/** Whether the owner set "suggestions only" for editors (false for a briefing that does not exist). */
export async function getSuggestionsOnly(db: Db, briefingId: string): Promise<boolean> {
  const row = await db.briefing.findUnique({ where: { id: briefingId }, select: { suggestionsOnly: true } });
  return row?.suggestionsOnly ?? false;
}
