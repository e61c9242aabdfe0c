"use server";

import { APIError } from "better-auth/api";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { type ActionResult, parseInput, runAction } from "@/lib/actions";
import { getAuth, invitationUrl } from "@/lib/auth/auth";
import { authorize, canAcceptInvitation } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
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

export async function createTeam(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(createTeamSchema, input);
    await authorize(getDb(), user, { action: "team:create" });
    const team = await asUser((auth, h) =>
      auth.api.createOrganization({ body: { name: data.name, slug: slugFor(data.name) }, headers: h }),
    );
    if (!team) throw new AppError("internal", "The team could not be created.");
    revalidatePath("/teams");
    return { id: team.id };
  });
}

/** Invites someone by e-mail; returns the link to pass on (also mailed when SMTP is configured). */
export async function inviteToTeam(input: unknown): Promise<ActionResult<{ url: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(inviteSchema, input);
    await authorize(getDb(), user, { action: "team:manage", teamId: data.teamId });
    const invitation = await asUser((auth, h) =>
      auth.api.createInvitation({
        body: { email: data.email, role: data.role, organizationId: data.teamId },
        headers: h,
      }),
    );
    revalidatePath(`/teams/${data.teamId}`);
    return { url: invitationUrl(invitation.id) };
  });
}

export async function cancelInvitation(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(invitationRefSchema, input);
    const db = getDb();
    const invitation = await db.invitation.findUnique({
      where: { id: data.invitationId },
      select: { organizationId: true },
    });
    if (!invitation) throw new AppError("not_found", "No such invitation.");
    await authorize(db, user, { action: "team:manage", teamId: invitation.organizationId });
    await asUser((auth, h) => auth.api.cancelInvitation({ body: { invitationId: data.invitationId }, headers: h }));
    revalidatePath(`/teams/${invitation.organizationId}`);
    return null;
  });
}

export async function acceptInvitation(input: unknown): Promise<ActionResult<{ teamId: string }>> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(invitationRefSchema, input);
    const problem = await canAcceptInvitation(getDb(), user, data.invitationId);
    if (problem) throw new AppError("forbidden", problem);
    const result = await asUser((auth, h) =>
      auth.api.acceptInvitation({ body: { invitationId: data.invitationId }, headers: h }),
    );
    const teamId = result?.invitation.organizationId;
    if (!teamId) throw new AppError("internal", "The invitation could not be accepted.");
    revalidatePath("/teams");
    return { teamId };
  });
}

export async function removeTeamMember(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(memberRefSchema, input);
    const db = getDb();
    await authorize(db, user, { action: "team:manage", teamId: data.teamId });
    // better-auth's afterRemoveMember hook announces the access change (lib/auth/team-access-hooks.ts).
    await asUser((auth, h) =>
      auth.api.removeMember({ body: { memberIdOrEmail: data.memberId, organizationId: data.teamId }, headers: h }),
    );
    revalidatePath(`/teams/${data.teamId}`);
    return null;
  });
}

export async function changeTeamMemberRole(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const user = await requireUser();
    const data = parseInput(memberRoleSchema, input);
    await authorize(getDb(), user, {
      action: data.role === "owner" ? "team:delete" : "team:manage",
      teamId: data.teamId,
    });
    await asUser((auth, h) =>
      auth.api.updateMemberRole({
        body: { memberId: data.memberId, role: data.role, organizationId: data.teamId },
        headers: h,
      }),
    );
    revalidatePath(`/teams/${data.teamId}`);
    return null;
  });
}
