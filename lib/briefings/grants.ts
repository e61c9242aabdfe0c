import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emitWebhookEvent, type WebhookWriter } from "@/lib/webhooks/events";

/** A client or an interactive-transaction client: grant writes can join a caller's transaction. */
export type GrantWriter = Pick<Db, "user" | "organization" | "briefingGrant" | "pendingShare"> & WebhookWriter;

/** Who a grant is for: one person by e-mail, or one team. */
export type Grantee = { email?: string | null; teamId?: string | null };

async function existingTeam(db: GrantWriter, teamId: string | null | undefined): Promise<{ id: string; name: string }> {
  const team = teamId
    ? await db.organization.findUnique({ where: { id: teamId }, select: { id: true, name: true } })
    : null;
  if (!team) throw new AppError("unprocessable", "No such team.", { teamId: ["No such team."] });
  return team;
}

/**
 * Grants (or changes) a person's or a team's role on a briefing. A person is named by e-mail: only
 * an account whose address is verified gets the role at once; any other address (no account, or
 * one registered by someone who may not own it) waits as a PendingShare that becomes a grant when
 * the address is verified (lib/shares/by-email.ts). The caller learns nothing about which case it
 * was (no account enumeration), and neither do webhooks: `briefing.shared` is queued in the same
 * transaction with the address as given. No authorization here: callers authorize `briefing:share`
 * first, and announce the access change (lib/auth/access-events.ts) after their transaction commits.
 */
export async function writeBriefingGrant(
  db: GrantWriter,
  input: Grantee & { briefingId: string; role: string },
): Promise<void> {
  const { briefingId, role } = input;
  if (input.email) {
    const email = input.email.toLowerCase();
    const user = await db.user.findUnique({ where: { email }, select: { id: true, emailVerified: true } });
    if (user?.emailVerified) {
      await db.briefingGrant.upsert({
        where: { briefingId_userId: { briefingId, userId: user.id } },
        create: { briefingId, userId: user.id, role },
        update: { role },
      });
      await db.pendingShare.deleteMany({ where: { briefingId, email } });
    } else {
      await db.pendingShare.upsert({
        where: { briefingId_email: { briefingId, email } },
        create: { briefingId, email, role },
        update: { role },
      });
    }
    await emitWebhookEvent(db, { event: "briefing.shared", briefingId, data: { grantee: { email }, role } });
    return;
  }
  const team = await existingTeam(db, input.teamId);
  const teamId = team.id;
  await db.briefingGrant.upsert({
    where: { briefingId_teamId: { briefingId, teamId } },
    create: { briefingId, teamId, role },
    update: { role },
  });
  await emitWebhookEvent(db, {
    event: "briefing.shared",
    briefingId,
    data: { grantee: { team: { id: teamId, name: team.name } }, role },
  });
}

/**
 * Removes a person's (grant or pending share) or a team's grant; not_found when there was none.
 * Same contract as writeBriefingGrant.
 */
export async function removeBriefingGrant(db: GrantWriter, input: Grantee & { briefingId: string }): Promise<void> {
  const { briefingId } = input;
  let removed = 0;
  if (input.email) {
    const email = input.email.toLowerCase();
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (user) removed += (await db.briefingGrant.deleteMany({ where: { briefingId, userId: user.id } })).count;
    removed += (await db.pendingShare.deleteMany({ where: { briefingId, email } })).count;
  } else {
    const teamId = (await existingTeam(db, input.teamId)).id;
    removed += (await db.briefingGrant.deleteMany({ where: { briefingId, teamId } })).count;
  }
  if (removed === 0) throw new AppError("not_found", "That access was already removed.");
}
