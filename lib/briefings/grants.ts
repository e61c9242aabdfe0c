import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A client or an interactive-transaction client: grant writes can join a caller's transaction. */
export type GrantWriter = Pick<Db, "user" | "organization" | "briefingGrant">;

/** Who a grant is for: one person by e-mail, or one team. */
export type Grantee = { email?: string | null; teamId?: string | null };

// The grantee's row key: exactly one of userId / teamId, checked to exist.
async function resolveGrantee(
  db: GrantWriter,
  grantee: Grantee,
): Promise<{ userId: string; teamId: null } | { userId: null; teamId: string }> {
  if (grantee.email) {
    const user = await db.user.findUnique({ where: { email: grantee.email }, select: { id: true } });
    if (!user) {
      const message = `No account uses ${grantee.email}. Invite them to a team first.`;
      throw new AppError("unprocessable", message, { email: [message] });
    }
    return { userId: user.id, teamId: null };
  }
  const team = grantee.teamId
    ? await db.organization.findUnique({ where: { id: grantee.teamId }, select: { id: true } })
    : null;
  if (!team) throw new AppError("unprocessable", "No such team.", { teamId: ["No such team."] });
  return { userId: null, teamId: team.id };
}

/**
 * Grants (or changes) a person's or a team's role on a briefing. No authorization here: callers
 * authorize `briefing:share` first, and announce the access change (lib/auth/access-events.ts)
 * after their transaction commits.
 */
export async function writeBriefingGrant(
  db: GrantWriter,
  input: Grantee & { briefingId: string; role: string },
): Promise<void> {
  const who = await resolveGrantee(db, input);
  const { briefingId } = input;
  await db.briefingGrant.upsert({
    where:
      who.userId !== null
        ? { briefingId_userId: { briefingId, userId: who.userId } }
        : { briefingId_teamId: { briefingId, teamId: who.teamId } },
    create: { briefingId, ...who, role: input.role },
    update: { role: input.role },
  });
}

/** Removes a person's or a team's grant; not_found when there was none. Same contract as above. */
export async function removeBriefingGrant(db: GrantWriter, input: Grantee & { briefingId: string }): Promise<void> {
  const who = await resolveGrantee(db, input);
  const { count } = await db.briefingGrant.deleteMany({ where: { briefingId: input.briefingId, ...who } });
  if (count === 0) throw new AppError("not_found", "That access was already removed.");
}
