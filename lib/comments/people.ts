import type { Db } from "@/lib/db";

/** A person a comment may mention; `canRead` false: they cannot read the briefing (yet). */
export type MentionCandidate = { id: string; name: string; email: string; canRead: boolean };

const MAX_SUGGESTIONS = 8;

/**
 * People to suggest after "@" in a comment: everyone who can read the briefing (its owner, people
 * it is shared with, members of teams it is shared with), then members of the asker's own teams
 * who cannot read it (marked, so the UI can offer to share it with them). Matched on name or
 * e-mail, case-insensitively. No authorization here: the caller checks `briefing:comment`.
 */
export async function listMentionCandidates(
  db: Db,
  briefingId: string,
  askerId: string,
  query: string,
): Promise<MentionCandidate[]> {
  const briefing = await db.briefing.findUnique({
    where: { id: briefingId },
    select: {
      owner: { select: { id: true, name: true, email: true } },
      grants: {
        select: {
          user: { select: { id: true, name: true, email: true } },
          team: { select: { members: { select: { user: { select: { id: true, name: true, email: true } } } } } },
        },
      },
    },
  });
  if (!briefing) return [];
  const readers = new Map<string, MentionCandidate>();
  const add = (u: { id: string; name: string; email: string }) => readers.set(u.id, { ...u, canRead: true });
  add(briefing.owner);
  for (const grant of briefing.grants) {
    if (grant.user) add(grant.user);
    for (const member of grant.team?.members ?? []) add(member.user);
  }
  const teammates = await db.member.findMany({
    where: { organization: { members: { some: { userId: askerId } } } },
    select: { user: { select: { id: true, name: true, email: true } } },
    take: 500,
  });
  const others = new Map<string, MentionCandidate>();
  for (const { user } of teammates) if (!readers.has(user.id)) others.set(user.id, { ...user, canRead: false });
  const needle = query.trim().toLowerCase();
  const matches = (c: MentionCandidate) =>
    c.id !== askerId && (!needle || c.name.toLowerCase().includes(needle) || c.email.toLowerCase().includes(needle));
  const byName = (a: MentionCandidate, b: MentionCandidate) => a.name.localeCompare(b.name);
  return [
    ...[...readers.values()].filter(matches).sort(byName),
    ...[...others.values()].filter(matches).sort(byName),
  ].slice(0, MAX_SUGGESTIONS);
}

/** A member of one of the asker's teams (the only people the mention UI offers to share with), or null. */
export async function findTeammate(
  db: Db,
  askerId: string,
  userId: string,
): Promise<{ id: string; name: string; email: string } | null> {
  const member = await db.member.findFirst({
    where: { userId, organization: { members: { some: { userId: askerId } } } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return member?.user ?? null;
}
