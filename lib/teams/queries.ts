import "server-only";
import { type Actor, authorize, can } from "@/lib/auth/permissions";
import { asTeamRole, type TeamRole } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";

export type TeamSummary = { id: string; name: string; role: TeamRole; memberCount: number };

/** The teams a user belongs to, with the user's role in each. */
export async function listTeamsForUser(db: Db, userId: string): Promise<TeamSummary[]> {
  const rows = await db.member.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, name: true, _count: { select: { members: true } } } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((r) => ({
    id: r.organization.id,
    name: r.organization.name,
    role: asTeamRole(r.role),
    memberCount: r.organization._count.members,
  }));
}

/** A team with members; pending invitations only for those who manage it. */
export async function getTeamDetail(db: Db, actor: Actor, teamId: string) {
  await authorize(db, actor, { action: "team:read", teamId });
  const manage = await can(db, actor, { action: "team:manage", teamId });
  const team = await db.organization.findUniqueOrThrow({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      members: {
        select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
        orderBy: { createdAt: "asc" },
      },
      invitations: manage
        ? {
            where: { status: "pending" },
            select: { id: true, email: true, role: true, expiresAt: true },
            orderBy: { createdAt: "desc" },
          }
        : false,
    },
  });
  return {
    ...team,
    members: team.members.map((m) => ({ ...m, role: asTeamRole(m.role) })),
    invitations: (team.invitations ?? []).map((i) => ({ ...i, role: asTeamRole(i.role) })),
    canManage: manage,
    canDelete: await can(db, actor, { action: "team:delete", teamId }),
  };
}

/** What the invitation page shows before the invitee accepts. */
export async function getInvitationPreview(db: Db, invitationId: string) {
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: {
      id: true,
      email: true,
      role: true,
      status: true,
      expiresAt: true,
      organization: { select: { name: true } },
      inviter: { select: { name: true } },
    },
  });
  return invitation && { ...invitation, role: asTeamRole(invitation.role) };
}
