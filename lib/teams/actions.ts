"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { defineAction } from "@/lib/actions";
import { getAuth, invitationUrl } from "@/lib/auth/auth";
import { canAcceptInvitation } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createTeamSchema, invitationRefSchema, inviteSchema, memberRefSchema, memberRoleSchema } from "./schema";
import { slugFor } from "./slug";

/** Calls better-auth's organization API as the current user, turning its errors into AppErrors. */
async function asUser<T>(call: (auth: ReturnType<typeof getAuth>, requestHeaders: Headers) => Promise<T>): Promise<T> {
  try {
    return await call(getAuth(getDb()), await headers());
  } catch (error) {
    if (error instanceof APIError) throw new AppError("unprocessable", error.body?.message ?? error.message);
    throw error;
  }
}

// Every action goes through defineAction: authenticate -> parse -> authorize -> write -> revalidate.

const teamPath = (data: { teamId: string }) => [`/teams/${data.teamId}`];
const manage = (data: { teamId: string }) => ({ action: "team:manage", teamId: data.teamId }) as const;

export const createTeam = defineAction(
  { schema: createTeamSchema, permission: () => ({ action: "team:create" }), revalidate: () => ["/teams"] },
  async ({ data }) => {
    const team = await asUser((auth, h) =>
      auth.api.createOrganization({ body: { name: data.name, slug: slugFor(data.name) }, headers: h }),
    );
    if (!team) throw new AppError("internal", "The team could not be created.");
    return { id: team.id };
  },
);

/** Invites someone by e-mail; returns the link to pass on (also mailed when SMTP is configured). */
export const inviteToTeam = defineAction(
  { schema: inviteSchema, permission: manage, revalidate: teamPath },
  async ({ data }) => {
    const invitation = await asUser((auth, h) =>
      auth.api.createInvitation({
        body: { email: data.email, role: data.role, organizationId: data.teamId },
        headers: h,
      }),
    );
    return { url: invitationUrl(invitation.id) };
  },
);

export const cancelInvitation = defineAction(
  {
    schema: invitationRefSchema,
    // The team to manage is the invitation's: load it first.
    permission: async (data, { db }) => {
      const invitation = await db.invitation.findUnique({
        where: { id: data.invitationId },
        select: { organizationId: true },
      });
      if (!invitation) throw new AppError("not_found", "No such invitation.");
      return { action: "team:manage", teamId: invitation.organizationId };
    },
    revalidate: (_data, _result, granted) =>
      granted !== "signed-in" && granted.action === "team:manage" ? [`/teams/${granted.teamId}`] : [],
  },
  async ({ data }) => {
    await asUser((auth, h) => auth.api.cancelInvitation({ body: { invitationId: data.invitationId }, headers: h }));
    return null;
  },
);

export const acceptInvitation = defineAction(
  {
    schema: invitationRefSchema,
    // Not a Permission: the invitation itself says who may accept it (lib/auth/permissions.ts).
    permission: async (data, { user, db }) => {
      const problem = await canAcceptInvitation(db, user, data.invitationId);
      if (problem) throw new AppError("forbidden", problem);
      return "signed-in" as const;
    },
    revalidate: () => ["/teams"],
  },
  async ({ data }) => {
    const result = await asUser((auth, h) =>
      auth.api.acceptInvitation({ body: { invitationId: data.invitationId }, headers: h }),
    );
    const teamId = result?.invitation.organizationId;
    if (!teamId) throw new AppError("internal", "The invitation could not be accepted.");
    return { teamId };
  },
);

export const removeTeamMember = defineAction(
  { schema: memberRefSchema, permission: manage, revalidate: teamPath },
  async ({ data }) => {
    // better-auth's afterRemoveMember hook announces the access change (lib/auth/team-access-hooks.ts).
    await asUser((auth, h) =>
      auth.api.removeMember({ body: { memberIdOrEmail: data.memberId, organizationId: data.teamId }, headers: h }),
    );
    return null;
  },
);

export const changeTeamMemberRole = defineAction(
  {
    schema: memberRoleSchema,
    permission: (data) => ({ action: data.role === "owner" ? "team:delete" : "team:manage", teamId: data.teamId }),
    revalidate: teamPath,
  },
  async ({ data }) => {
    await asUser((auth, h) =>
      auth.api.updateMemberRole({
        body: { memberId: data.memberId, role: data.role, organizationId: data.teamId },
        headers: h,
      }),
    );
    return null;
  },
);
