import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import {
  asBriefingRole,
  asTeamRole,
  BRIEFING_ABILITIES,
  type BriefingAction,
  type BriefingRole,
  higherRole,
  type TeamRole,
} from "./roles";

/**
 * A signed-in user, or the user behind a personal access token (lib/tokens/): then `tokenScope`
 * says what the token may do, "read" limiting it to read actions whatever the user's roles.
 */
export type UserActor = { id: string; isAdmin: boolean; catalogEditor: boolean; tokenScope?: TokenScope };

/** What a personal access token may do: "read" only reads, "write" does what its user may. */
export type TokenScope = "read" | "write";

/**
 * The holder of a share link. Made only from a link that was valid when the request came in
 * (lib/auth/actor.ts); it may read that one briefing, like a viewer, and nothing else (its comment
 * threads too when the link was created "with comments"). A link bound to a version (`versionId`)
 * reads that version only: never the live document, its room or its history.
 */
export type ShareLinkActor = {
  kind: "share-link";
  linkId: string;
  briefingId: string;
  expiresAt: Date | null;
  withComments: boolean;
  versionId: string | null;
};

/** Who is asking: a user, a share link's holder, or null = anonymous (not signed in, no link). */
export type Actor = UserActor | ShareLinkActor | null;

/** True for a share link's holder. */
export function isShareLink(actor: Actor): actor is ShareLinkActor {
  return actor !== null && "kind" in actor && actor.kind === "share-link";
}

/** Everything the app ever asks permission for. */
export type Permission =
  /**
   * `versionId`: the request reads that frozen version (its content, export or comments as they
   * were), not the live document. Users read versions by their role; a share link bound to a
   * version may read only with that very versionId.
   */
  | { action: `briefing:${BriefingAction}`; briefingId: string; versionId?: string }
  | { action: "briefing:create"; teamId?: string | null }
  | { action: "comparison:read" | "comparison:edit"; comparisonId: string }
  | { action: "comparison:read-embedded"; comparisonId: string; briefingId: string }
  | { action: "comparison:create"; teamId?: string | null }
  | { action: "catalog:edit" }
  | { action: "team:create" }
  | { action: "team:read" | "team:manage" | "team:delete"; teamId: string }
  | { action: "admin:users" }
  /** Import and edit marking profiles (lib/marking/): instance administrators. */
  | { action: "admin:marking" }
  /** Answer one step of a clearance chain: that clearer (user) or a member of that team, who can read it. */
  | { action: "clearance:answer"; briefingId: string; clearer: { userId: string | null; teamId: string | null } };

const READ_ACTIONS: ReadonlySet<Permission["action"]> = new Set([
  "briefing:read",
  "briefing:read-comments",
  "comparison:read",
  "comparison:read-embedded",
  "team:read",
]);

/** Whether the actor's token scope (if any) lets it attempt the action at all: read tokens only read. */
function scopeAllows(actor: UserActor, action: Permission["action"]): boolean {
  return actor.tokenScope !== "read" || READ_ACTIONS.has(action);
}

/** The user's role in a team, or null when not a member. */
export async function getTeamRole(db: Db, userId: string, teamId: string): Promise<TeamRole | null> {
  const member = await db.member.findFirst({ where: { userId, organizationId: teamId }, select: { role: true } });
  return member ? asTeamRole(member.role) : null;
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

/** What a user may do with a saved comparison: its owner edits; team admins edit, members read. */
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
 * The embed rule: a saved comparison embedded in a briefing is shown (to whoever may read the
 * briefing, in the editor, on share links and in every export) only when the briefing's OWNER may
 * read the comparison. Embedding a comparison shares its table with the briefing's readers, the
 * way sharing the briefing shares its text; an id of a comparison the owner cannot see (written
 * into the document by anyone, even straight into the Yjs state) reveals nothing.
 */
export async function isComparisonVisibleIn(db: Db, briefingId: string, comparisonId: string): Promise<boolean> {
  const briefing = await db.briefing.findUnique({ where: { id: briefingId }, select: { ownerId: true } });
  return briefing !== null && (await comparisonAccess(db, briefing.ownerId, comparisonId)) !== "none";
}

/**
 * The actor's role on a briefing, the one answer every check of a request derives from: a user's
 * role (getBriefingRole), "viewer" for a share link of this very briefing, nothing for anyone else.
 * Resolve it once per request and ask `allows` for each action.
 */
export async function getActorBriefingRole(
  db: Db,
  actor: Actor,
  briefingId: string,
  options: { includeDeleted?: boolean } = {},
): Promise<BriefingRole | null> {
  if (!actor) return null;
  if (isShareLink(actor)) return actor.briefingId === briefingId ? "viewer" : null;
  return getBriefingRole(db, actor.id, briefingId, options);
}

/**
 * What a share link's holder may do with its own briefing: read it, and its comments if the link
 * says so. A link bound to a version only when the request reads that version (`versionId`).
 */
function shareLinkAllows(actor: ShareLinkActor, action: BriefingAction, versionId?: string): boolean {
  if (actor.versionId !== null && versionId !== actor.versionId) return false;
  return action === "read" || (action === "read-comments" && actor.withComments);
}

/** Whether a briefing role (null = none) allows an action: the role table, nothing else. */
export function allows(role: BriefingRole | null, action: BriefingAction): boolean {
  return role !== null && BRIEFING_ABILITIES[role].includes(action);
}

/**
 * The actor's role on a briefing when it allows `action`, resolved once; otherwise the same errors
 * as `authorize` (unauthorized when anonymous, not_found when the actor may not even read it,
 * forbidden otherwise). For handlers that need the role itself after the check.
 */
export async function authorizeBriefing(
  db: Db,
  actor: Actor,
  briefingId: string,
  action: BriefingAction,
): Promise<BriefingRole> {
  if (!actor) throw new AppError("unauthorized", "Sign in to continue.");
  const role = await getActorBriefingRole(db, actor, briefingId);
  const scoped = isShareLink(actor) ? shareLinkAllows(actor, action) : scopeAllows(actor, `briefing:${action}`);
  if (role && allows(role, action) && scoped) return role;
  if (!allows(role, "read")) throw new AppError("not_found", "No such briefing.");
  throw new AppError("forbidden", "You do not have permission to do that.");
}

/**
 * THE access decision of the app: may this actor do this? Used by pages, server actions, route
 * handlers and the collaboration server; nothing else decides access.
 */
export async function can(db: Db, actor: Actor, permission: Permission): Promise<boolean> {
  if (!actor) return false;
  if (isShareLink(actor)) {
    // A link reads its briefing and what the briefing embeds, nothing else.
    if (permission.action === "briefing:read" || permission.action === "briefing:read-comments") {
      const action = permission.action === "briefing:read" ? "read" : "read-comments";
      return permission.briefingId === actor.briefingId && shareLinkAllows(actor, action, permission.versionId);
    }
    if (permission.action !== "comparison:read-embedded" || permission.briefingId !== actor.briefingId) return false;
    return isComparisonVisibleIn(db, permission.briefingId, permission.comparisonId);
  }
  if (!scopeAllows(actor, permission.action)) return false;
  switch (permission.action) {
    case "catalog:edit":
      return actor.catalogEditor || actor.isAdmin;
    case "admin:users":
    case "admin:marking":
      return actor.isAdmin;
    case "clearance:answer": {
      const { userId, teamId } = permission.clearer;
      const named = userId ? userId === actor.id : teamId ? (await getTeamRole(db, actor.id, teamId)) !== null : false;
      return (
        named && allows(await getBriefingRole(db, actor.id, permission.briefingId, { includeDeleted: false }), "read")
      );
    }
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
    case "comparison:read-embedded":
      return (
        allows(await getBriefingRole(db, actor.id, permission.briefingId), "read") &&
        isComparisonVisibleIn(db, permission.briefingId, permission.comparisonId)
      );
    default: {
      const role = await getBriefingRole(db, actor.id, permission.briefingId);
      return allows(role, permission.action.slice("briefing:".length) as BriefingAction);
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
  if (permission.action === "comparison:edit") {
    if (!(await can(db, actor, { action: "comparison:read", comparisonId: permission.comparisonId }))) {
      throw new AppError("not_found", "No such comparison.");
    }
  }
  if (permission.action === "comparison:read" || permission.action === "comparison:read-embedded") {
    throw new AppError("not_found", "No such comparison.");
  }
  // A share link opens nothing else: answer like a missing page.
  if (isShareLink(actor)) throw new AppError("not_found", "Not found.");
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
