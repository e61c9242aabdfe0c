/** Roles and what each allows. Pure data, shared by the server checks and the UI's labels. */

export const BRIEFING_ROLES = ["viewer", "commenter", "editor", "owner"] as const;
export type BriefingRole = (typeof BRIEFING_ROLES)[number];

/**
 * "read-comments" reads the comment threads; "comment" starts, answers, resolves and reopens them
 * (and edits or deletes one's own comments); "moderate-comments" deletes other people's comments.
 * "manage-webhooks": register URLs told about the briefing's events (lib/webhooks/); owners only,
 * because a webhook sends what happens in the briefing out of the app.
 * "manage-clearance": request, finalize (override), release and withdraw clearance (lib/clearance/);
 * owners only: the owner is the lead of the chain.
 */
export const BRIEFING_ACTIONS = [
  "read",
  "read-comments",
  "comment",
  "edit",
  "share",
  "delete",
  "moderate-comments",
  "manage-webhooks",
  /** Review settings of a briefing, such as "suggestions only" for editors. */
  "manage-review",
  "manage-clearance",
] as const;
export type BriefingAction = (typeof BRIEFING_ACTIONS)[number];

export const BRIEFING_ABILITIES: Record<BriefingRole, readonly BriefingAction[]> = {
  viewer: ["read", "read-comments"],
  commenter: ["read", "read-comments", "comment"],
  editor: ["read", "read-comments", "comment", "edit", "share"],
  owner: [
    "read",
    "read-comments",
    "comment",
    "edit",
    "share",
    "delete",
    "moderate-comments",
    "manage-webhooks",
    "manage-review",
    "manage-clearance",
  ],
};

export const TEAM_ROLES = ["member", "admin", "owner"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const ROLE_LABELS: Record<BriefingRole | TeamRole, string> = {
  viewer: "Viewer",
  commenter: "Commenter",
  editor: "Editor",
  owner: "Owner",
  member: "Member",
  admin: "Admin",
};

/** The higher of two briefing roles (null counts as no access). */
export function higherRole(a: BriefingRole | null, b: BriefingRole | null): BriefingRole | null {
  if (!a) return b;
  if (!b) return a;
  return BRIEFING_ROLES.indexOf(a) >= BRIEFING_ROLES.indexOf(b) ? a : b;
}

/** A role in the list of roles (guards strings coming from the database). */
export function asBriefingRole(role: string): BriefingRole | null {
  return (BRIEFING_ROLES as readonly string[]).includes(role) ? (role as BriefingRole) : null;
}

/**
 * The team role of a member or invitation row (guards strings coming from the database):
 * better-auth stores it as text and leaves it empty for a plain member; anything it does not
 * know counts as the least role, a member.
 */
export function asTeamRole(role: string | null | undefined): TeamRole {
  return (TEAM_ROLES as readonly (string | null | undefined)[]).includes(role) ? (role as TeamRole) : "member";
}
