import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  asBriefingRole,
  BRIEFING_ABILITIES,
  type BriefingAction,
  type BriefingRole,
  higherRole,
  type TeamRole,
} from "./roles";

/** Who is asking. null = not signed in. */
export type Actor = { id: string; isAdmin: boolean; catalogEditor: boolean } | null;

/** Everything the app ever asks permission for. */
export type Permission =
  | { action: `briefing:${BriefingAction}`; briefingId: string }
  | { action: "briefing:create"; teamId?: string | null }
  | { action: "comparison:read" | "comparison:edit"; comparisonId: string }
  | { action: "comparison:create"; teamId?: string | null }
  | { action: "catalog:edit" }
  | { action: "team:create" }
  | { action: "team:read" | "team:manage" | "team:delete"; teamId: string }
  | { action: "admin:users" };

/** The user's role in a team, or null when not a member. */
export async function getTeamRole(db: Db, userId: string, teamId: string): Promise<TeamRole | null> {
  const member = await db.member.findFirst({ where: { userId, organizationId: teamId }, select: { role: true } });
  return (member?.role as TeamRole | undefined) ?? null;
}

/**
 * A user's effective role on a briefing: the highest of ownership, a grant to the user and grants
 * to teams the user belongs to. A deleted briefing is visible to its owner only (to restore it),
 * unless `includeDeleted` is false (nobody edits a deleted briefing).
 */
export async function getBriefingRole(
  db: Db,
  userId: string,
  briefingId: string,
  { includeDeleted = true }: { includeDeleted?: boolean } = {},
): Promise<BriefingRole | null> {
  const briefing = await db.briefing.findUnique({
    where: { id: briefingId },
    select: { ownerId: true, deletedAt: true, grants: { select: { userId: true, teamId: true, role: true } } },
  });
  if (!briefing || (briefing.deletedAt && !includeDeleted)) return null;
  if (briefing.ownerId === userId) return "owner";
  if (briefing.deletedAt) return null;
  const teamIds = new Set(
    (await db.member.findMany({ where: { userId }, select: { organizationId: true } })).map((m) => m.organizationId),
  );
  return resolveBriefingRole(briefing, userId, teamIds);
}

/** What resolveBriefingRole reads of a briefing. */
export type BriefingAccessFacts = {
  ownerId: string;
  deletedAt: Date | null;
  grants: { userId: string | null; teamId: string | null; role: string }[];
};

/**
 * The rule behind getBriefingRole, on data already loaded (lists resolve many briefings at once):
 * owner; otherwise nothing when deleted; otherwise the highest grant to the user or their teams.
 */
export function resolveBriefingRole(
  briefing: BriefingAccessFacts,
  userId: string,
  teamIds: ReadonlySet<string>,
): BriefingRole | null {
  if (briefing.ownerId === userId) return "owner";
  if (briefing.deletedAt) return null;
  let role: BriefingRole | null = null;
  for (const grant of briefing.grants) {
    if (grant.userId === userId || (grant.teamId && teamIds.has(grant.teamId))) {
      role = higherRole(role, asBriefingRole(grant.role));
    }
  }
  return role;
}

async function comparisonAccess(db: Db, userId: string, comparisonId: string): Promise<"none" | "read" | "edit"> {
  const c = await db.savedComparison.findUnique({
    where: { id: comparisonId },
    select: { ownerId: true, teamId: true },
  });
  if (!c) return "none";
  if (c.ownerId === userId) return "edit";
  if (!c.teamId) return "none";
  const role = await getTeamRole(db, userId, c.teamId);
  if (!role) return "none";
  return role === "member" ? "read" : "edit";
}

/**
 * THE access decision of the app: may this actor do this? Used by pages, server actions, route
 * handlers and the collaboration server; nothing else decides access.
 */
export async function can(db: Db, actor: Actor, permission: Permission): Promise<boolean> {
  if (!actor) return false;
  switch (permission.action) {
    case "catalog:edit":
      return actor.catalogEditor || actor.isAdmin;
    case "admin:users":
      return actor.isAdmin;
    case "team:create":
      return true;
    case "team:read":
      return (await getTeamRole(db, actor.id, permission.teamId)) !== null;
    case "team:manage": {
      const role = await getTeamRole(db, actor.id, permission.teamId);
      return role === "owner" || role === "admin";
    }
    case "team:delete":
      return (await getTeamRole(db, actor.id, permission.teamId)) === "owner";
    case "briefing:create":
    case "comparison:create":
      return !permission.teamId || (await getTeamRole(db, actor.id, permission.teamId)) !== null;
    case "comparison:read":
      return (await comparisonAccess(db, actor.id, permission.comparisonId)) !== "none";
    case "comparison:edit":
      return (await comparisonAccess(db, actor.id, permission.comparisonId)) === "edit";
    default: {
      const role = await getBriefingRole(db, actor.id, permission.briefingId);
      const action = permission.action.slice("briefing:".length) as BriefingAction;
      return role !== null && BRIEFING_ABILITIES[role].includes(action);
    }
  }
}

/**
 * Like `can`, but throws: unauthorized when signed out; not_found when the actor may not even see
 * the resource (so its existence does not leak); forbidden otherwise.
 */
export async function authorize(db: Db, actor: Actor, permission: Permission): Promise<void> {
  if (!actor) throw new AppError("unauthorized", "Sign in to continue.");
  if (await can(db, actor, permission)) return;
  if (
    "briefingId" in permission &&
    !(await can(db, actor, { action: "briefing:read", briefingId: permission.briefingId }))
  ) {
    throw new AppError("not_found", "No such briefing.");
  }
  if ("comparisonId" in permission && permission.action !== "comparison:read") {
    if (!(await can(db, actor, { action: "comparison:read", comparisonId: permission.comparisonId }))) {
      throw new AppError("not_found", "No such comparison.");
    }
  }
  if (permission.action === "comparison:read") throw new AppError("not_found", "No such comparison.");
  throw new AppError("forbidden", "You do not have permission to do that.");
}

/**
 * Why the user may not accept an invitation (a sentence), or null when they may: it must be
 * pending, unexpired and addressed to the user's e-mail, which must be verified (anyone can
 * register an address they do not own).
 */
export async function canAcceptInvitation(
  db: Db,
  user: { email: string; emailVerified: boolean },
  invitationId: string,
): Promise<string | null> {
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: { email: true, status: true, expiresAt: true },
  });
  if (!invitation) return "This invitation does not exist.";
  if (invitation.status !== "pending") return `This invitation was already ${invitation.status}.`;
  if (invitation.expiresAt < new Date()) return "This invitation has expired; ask for a new one.";
  if (invitation.email.toLowerCase() !== user.email.toLowerCase()) {
    return `This invitation is for ${invitation.email}; sign in with that address to accept it.`;
  }
  if (!user.emailVerified) return unverifiedMessage();
  return null;
}

/** What a person with an unverified address is told: how their address gets verified here. */
export function unverifiedMessage(): string {
  return env().SMTP_URL
    ? "Verify your e-mail address first: we sent you a link when you signed up."
    : "Verify your e-mail address first: ask your administrator to mark it verified.";
}
