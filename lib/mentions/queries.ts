import type { UserActor } from "@/lib/auth/permissions";
import { authorize, can } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";

/** How many people the @ popup lists, and the longest query it takes. */
export const MAX_MENTION_RESULTS = 8;
export const MENTION_QUERY_MAX = 100;

/** How many readers / colleagues are considered per lookup (a briefing shared with huge teams). */
const MAX_CANDIDATES = 1000;

/** Someone the @ popup offers: whether they can read the briefing decides what picking them does. */
export type MentionCandidate = { id: string; name: string; email: string; canRead: boolean };

export type MentionLookup = { people: MentionCandidate[]; canShare: boolean };

/** Whether the name (any of its words) or the e-mail address starts with the query (case-insensitive). */
function matches(person: { name: string; email: string }, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  const name = person.name.toLowerCase();
  return (
    name.startsWith(q) ||
    name.split(/\s+/).some((word) => word.startsWith(q)) ||
    person.email.toLowerCase().startsWith(q)
  );
}

/** Ids of everyone who may read the briefing: its owner, people with a grant, members of teams with one. */
async function readerIds(db: Db, briefingId: string): Promise<Set<string>> {
  const briefing = await db.briefing.findUnique({
    where: { id: briefingId },
    select: { ownerId: true, grants: { select: { userId: true, teamId: true } } },
  });
  if (!briefing) return new Set();
  const teamIds = briefing.grants.flatMap((g) => (g.teamId ? [g.teamId] : []));
  const members = teamIds.length
    ? await db.member.findMany({
        where: { organizationId: { in: teamIds } },
        select: { userId: true },
        take: MAX_CANDIDATES,
      })
    : [];
  return new Set([
    briefing.ownerId,
    ...briefing.grants.flatMap((g) => (g.userId ? [g.userId] : [])),
    ...members.map((m) => m.userId),
  ]);
}

/**
 * The people the @ popup offers for a query: those who may read the briefing, then the caller's
 * team-mates who may not (picking one offers to share), then a verified account whose e-mail is
 * exactly the query; name or e-mail prefix match, at most MAX_MENTION_RESULTS, never the caller.
 * The caller must be allowed to comment (through `authorize()`): the people with access to a
 * briefing are not shown to its viewers. Nobody else in the instance is listed.
 */
export async function findMentionCandidates(
  db: Db,
  actor: UserActor,
  briefingId: string,
  query: string,
): Promise<MentionLookup> {
  await authorize(db, actor, { action: "briefing:comment", briefingId });
  const q = query.trim().slice(0, MENTION_QUERY_MAX);
  const readers = await readerIds(db, briefingId);
  readers.delete(actor.id);
  const select = { id: true, name: true, email: true } as const;
  const readerRows = await db.user.findMany({ where: { id: { in: [...readers].slice(0, MAX_CANDIDATES) } }, select });
  const people: MentionCandidate[] = readerRows
    .filter((p) => matches(p, q))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ ...p, canRead: true }));
  if (people.length < MAX_MENTION_RESULTS) {
    const teams = await db.member.findMany({ where: { userId: actor.id }, select: { organizationId: true } });
    const mates = teams.length
      ? await db.member.findMany({
          where: {
            organizationId: { in: teams.map((t) => t.organizationId) },
            userId: { notIn: [actor.id, ...readers] },
          },
          select: { user: { select } },
          take: MAX_CANDIDATES,
        })
      : [];
    const seen = new Set<string>();
    for (const { user } of mates.sort((a, b) => a.user.name.localeCompare(b.user.name))) {
      if (seen.has(user.id) || !matches(user, q)) continue;
      seen.add(user.id);
      people.push({ ...user, canRead: false });
    }
    if (q.includes("@")) {
      const exact = await db.user.findFirst({ where: { email: q.toLowerCase(), emailVerified: true }, select });
      if (exact && exact.id !== actor.id && !readers.has(exact.id) && !seen.has(exact.id)) {
        people.push({ ...exact, canRead: false });
      }
    }
  }
  const canShare = await can(db, actor, { action: "briefing:share", briefingId });
  return { people: people.slice(0, MAX_MENTION_RESULTS), canShare };
}
