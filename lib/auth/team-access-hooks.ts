import { createAuthMiddleware } from "better-auth/api";
import type { Db } from "@/lib/db";
import { announceAccessChange } from "./access-events";

/** The part of a member row the hooks read. */
type MemberRef = { userId: string };

function isMember(value: unknown): value is MemberRef {
  return typeof value === "object" && value !== null && typeof (value as MemberRef).userId === "string";
}

/**
 * Organization-plugin hooks that announce access changes when team membership changes through
 * better-auth's own endpoints (remove-member, update-member-role, delete), not only through the
 * app's team actions: briefings shared with a team stop being open to people who leave it, so
 * their open collaboration connections must be checked again (and closed with 4403).
 */
export function teamAccessHooks(db: Db) {
  // Members of teams being deleted: the deletion removes the member rows, so they are read before
  // and announced after it commits (a failed deletion leaves a stale entry, replaced on retry).
  const deleting = new Map<string, string[]>();
  return {
    afterRemoveMember: async ({ member }: { member: MemberRef }) => announceAccessChange({ userId: member.userId }),
    // Team roles do not change briefing roles today; announcing keeps that true if they ever do.
    afterUpdateMemberRole: async ({ member }: { member: MemberRef }) => announceAccessChange({ userId: member.userId }),
    beforeDeleteOrganization: async ({ organization }: { organization: { id: string } }) => {
      const members = await db.member.findMany({
        where: { organizationId: organization.id },
        select: { userId: true },
      });
      deleting.set(
        organization.id,
        members.map((m) => m.userId),
      );
    },
    afterDeleteOrganization: async ({ organization }: { organization: { id: string } }) => {
      const userIds = deleting.get(organization.id) ?? [];
      deleting.delete(organization.id);
      for (const userId of userIds) announceAccessChange({ userId });
    },
  };
}

/**
 * better-auth's `/organization/leave` runs no organization hook (1.7), so leaving is announced
 * from an after-hook on that path: the response is the removed member row.
 */
export const announceLeavingTeam = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/organization/leave") return;
  const returned: unknown = ctx.context.returned;
  if (isMember(returned)) announceAccessChange({ userId: returned.userId });
});
